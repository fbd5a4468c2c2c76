"""A real phone browser: headless Chromium at 360×740 joins, votes on every statement, sees
"vote received", and the vote lands in the tally. Debian's chromium and chromium-driver
(installed by .ci/run); Selenium is told where the driver is and never downloads one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.room.round import RATING, BallotItem, Round
from workshop.room.server import RoomServer

DRIVER = Path("/usr/bin/chromedriver")
BROWSER = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.slow

ANCHORS = ("Not at all", "A first step", "Partly", "Mostly", "Fully, and measured")
STATEMENTS = [
    BallotItem("s_list", "We keep a ranked list of ML opportunities & <owners>.", ANCHORS),
    BallotItem("s_data", "Data for the top opportunity exists — שלום, مرحبا.", ANCHORS),
    BallotItem("s_team", "At least two technical people work on ML together. 🚀", ANCHORS),
]


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not reach for the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=360,740",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_window_size(360, 740)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_phone_joins_votes_on_every_statement_and_the_vote_lands(browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    room = Round(RATING, "Maturity check — Getting started", STATEMENTS)
    with RoomServer(room, "127.0.0.1") as server:
        driver.get(server.url)  # type: ignore[attr-defined]
        wait = WebDriverWait(driver, 15)
        code = wait.until(ec.visibility_of_element_located((By.ID, "code")))
        code.send_keys(room.code)
        shot = os.environ.get("ROOM_PHONE_SCREENSHOT")
        if shot:
            driver.save_screenshot(shot.replace(".png", "-join.png"))  # type: ignore[attr-defined]
        driver.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()  # type: ignore[attr-defined]
        wait.until(ec.visibility_of_element_located((By.ID, "items")))
        items = driver.find_elements(By.CSS_SELECTOR, "#items > li")  # type: ignore[attr-defined]
        for gone in ("join", "group", "closed"):  # one screen at a time
            assert not driver.find_element(By.ID, gone).is_displayed()  # type: ignore[attr-defined]
        assert [i.find_element(By.CSS_SELECTOR, ".text").text for i in items] == [
            s.text for s in STATEMENTS
        ]
        # The five anchors are on every statement, as large buttons.
        buttons = items[0].find_elements(By.CSS_SELECTOR, "button.score")
        assert [b.find_element(By.CSS_SELECTOR, ".anchor").text for b in buttons] == list(ANCHORS)
        assert min(b.size["height"] for b in buttons) >= 44  # a thumb's target
        width = driver.execute_script("return document.documentElement.scrollWidth")  # type: ignore[attr-defined]
        assert width <= 360  # nothing runs off a 360 px screen

        choices = {"s_list": 3, "s_data": 1, "s_team": 4}
        for item in items:
            statement_id = item.get_attribute("data-id")
            button = item.find_element(
                By.CSS_SELECTOR, f'button.score[data-score="{choices[statement_id]}"]'
            )
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)  # type: ignore[attr-defined]
            button.click()
            wait.until(
                ec.text_to_be_present_in_element_attribute(
                    (By.CSS_SELECTOR, f'li[data-id="{statement_id}"] .received'),
                    "textContent",
                    "Vote received",
                )
            )
        assert "Vote received" in driver.find_element(By.ID, "status").text  # type: ignore[attr-defined]
        assert "3 of 3 voted" in driver.find_element(By.ID, "status").text  # type: ignore[attr-defined]

        # Changing a vote replaces it.
        item = driver.find_element(By.CSS_SELECTOR, 'li[data-id="s_data"]')  # type: ignore[attr-defined]
        button = item.find_element(By.CSS_SELECTOR, 'button.score[data-score="2"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)  # type: ignore[attr-defined]
        button.click()
        wait.until(lambda _d: room.tally().counts.get("s_data") == (0, 0, 1, 0, 0))
        driver.execute_script("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
        if shot:  # for looking at the page: ROOM_PHONE_SCREENSHOT=out/phone.png
            driver.save_screenshot(shot)  # type: ignore[attr-defined]
        tally = room.close()
    assert tally.ballots == 1
    assert tally.counts == {
        "s_list": (0, 0, 0, 1, 0),
        "s_data": (0, 0, 1, 0, 0),
        "s_team": (0, 0, 0, 0, 1),
    }


def test_a_phone_spends_its_dots_votes_again_and_sees_the_round_close(browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from workshop.room.round import DOTS

    driver = browser
    opportunities = [BallotItem("o_churn", "Churn alerts"), BallotItem("o_route", "Route planning")]
    room = Round(DOTS, "Opportunities: value and cost", opportunities, budget=3)
    with RoomServer(room, "127.0.0.1") as server:
        driver.get(server.join_url)  # type: ignore[attr-defined]  # scanned: the code comes with it
        wait = WebDriverWait(driver, 15)
        wait.until(ec.visibility_of_element_located((By.ID, "items")))
        status = driver.find_element(By.ID, "status")  # type: ignore[attr-defined]
        assert status.text == "3 of 3 dots left"
        churn = driver.find_element(By.CSS_SELECTOR, 'li[data-id="o_churn"]')  # type: ignore[attr-defined]
        route = driver.find_element(By.CSS_SELECTOR, 'li[data-id="o_route"]')  # type: ignore[attr-defined]
        plus = lambda li: li.find_elements(By.CSS_SELECTOR, ".dots button")[1]  # noqa: E731
        for _ in range(2):
            plus(churn).click()
        plus(route).click()
        wait.until(lambda _d: room.tally().votes == {"o_churn": 2, "o_route": 1})
        wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "0 of 3 dots left"))
        assert not plus(churn).is_enabled()  # the budget is spent: + is off everywhere

        room.vote_again()  # the facilitator's "Vote again": the phone notices on its own
        wait.until(ec.visibility_of_element_located((By.ID, "round_note")))
        assert "Round 2" in driver.find_element(By.ID, "round_note").text  # type: ignore[attr-defined]
        assert status.text == "3 of 3 dots left"
        churn = driver.find_element(By.CSS_SELECTOR, 'li[data-id="o_churn"]')  # type: ignore[attr-defined]
        plus(churn).click()
        wait.until(lambda _d: room.tally().votes == {"o_churn": 1, "o_route": 0})

        room.close()
        wait.until(ec.visibility_of_element_located((By.ID, "closed")))
        assert "closed" in driver.find_element(By.ID, "closed").text  # type: ignore[attr-defined]
