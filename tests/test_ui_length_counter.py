"""One-line fields stop at their declared limit and show a counter as the text nears it:
in the set-up dialog and in every bound line field of the pages."""

from __future__ import annotations

from datetime import date

from ui_helpers import make_controller, stored, type_text

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workshop.domain.fields import LINE
from workshop.domain.session import Session
from workshop.ui.setup_dialog import SetupDialog
from workshop.ui.widgets.bound_text import BoundLineEdit
from workshop.ui.widgets.length_counter import LengthCounter


def counter_of(edit) -> LengthCounter:  # type: ignore[no-untyped-def]
    (counter,) = edit.findChildren(QLabel, "length_counter")
    assert isinstance(counter, LengthCounter)
    return counter


def test_the_set_up_dialog_counts_near_the_limit_and_stops_at_it(qtbot, framework) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(framework)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    edit = dialog.sponsor_role
    counter = counter_of(edit)
    type_text(edit, "Chief executive")
    assert counter.isHidden()
    type_text(edit, "x" * (LINE - 30))
    assert counter.isVisible() and counter.text() == f"{LINE - 15} / {LINE}"
    dialog.grab().save("out/length_counter.png")
    assert counter.geometry().right() <= edit.width() and counter.x() > edit.width() // 2
    type_text(edit, "y" * 40)  # a person keeps typing past the limit
    assert len(edit.text()) == LINE and edit.text().endswith("y" * 15)
    assert counter.text() == f"{LINE} / {LINE}"
    assert counter.property("theme_level") == "warning"
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "" and counter.isHidden()


def test_a_bound_field_of_a_page_is_limited_from_the_declaration(qtbot, store, framework) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(
        store, framework, Session(organisation="Acme", workshop_date=date(2027, 1, 5))
    )
    edit = BoundLineEdit(controller, None, "", "facilitator", label="Edit facilitator")
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    assert edit.maxLength() == LINE
    type_text(edit, "Ana " * 100)
    assert len(edit.text()) == LINE and counter_of(edit).isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(store, controller).facilitator == ("Ana " * 100)[:LINE]


def test_creating_a_workshop_with_an_overlong_participant_says_why(qtbot, framework) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(framework)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.organisation, "Acme")
    dialog.add_participant("Zoë" + "z" * LINE, "CEO")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not accepted, nothing lost
    assert "participants[0].name: text longer than 300 characters" in dialog.message.text()
