"""The built wheel carries the content: install it in a fresh environment and load it there."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_resources_and_loads_content(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("*.whl"))
    env_dir = tmp_path / "env"
    # The fresh environment sees the test environment's packages (no network needed) but
    # not the checkout: the content must come from the installed wheel.
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            site,
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    deps = [p for p in sys.path if p.endswith("site-packages")]
    probe = (
        f"import sys; sys.path.extend({deps!r});"
        "import workshop.framework as f; fw = f.load_framework();"
        "print(f.resources_path()); print(fw.version, len(fw.stages), len(fw.statements))"
    )
    result = subprocess.run(
        [str(python), "-I", "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    location, summary = result.stdout.strip().splitlines()
    assert str(ROOT) not in location, f"content loaded from the checkout, not the wheel: {location}"
    assert site in location
    version, stages, statements = summary.split()
    assert stages == "5" and int(statements) >= 20
    with __import__("zipfile").ZipFile(wheel) as archive:
        names = archive.namelist()
    assert any(n.startswith("workshop/resources/framework/") and n.endswith(".toml") for n in names)
    assert any(n.startswith("workshop/resources/fonts/") for n in names)
    assert any(n.startswith("workshop/resources/schema/") for n in names)
    # The demo workshops are data files; the sample sessions of tests and benchmarks stay out.
    assert "workshop/resources/demo/01-first-workshop.json" in names
    assert not [
        n
        for n in names
        if n.endswith(("/samples.py", "/bench.py", "/demo.py"))
        and not n.startswith("workshop/store/")
    ]
    # Migrations run from the installed package: the scripts and their template must ship.
    assert any(
        n.startswith("workshop/store/migrations/versions/") and n.endswith(".py") for n in names
    )
    assert "workshop/store/migrations/script.py.mako" in names
    # The room-vote phone page is served from the installed package.
    for asset in ("index.html", "phone.js", "phone.css"):
        assert f"workshop/room/phone/{asset}" in names


# --- every package works: the sdist and the wheel, each installed and run ----------------------


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel built *from that sdist* (as pip and distributions do)."""
    dist = tmp_path_factory.mktemp("packages")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return {"sdist": next(dist.glob("*.tar.gz")), "wheel": next(dist.glob("*.whl"))}


def _fresh_environment(where: Path) -> Path:
    """A new venv whose only extra packages are the test environment's dependencies.

    Offline on purpose: the dependencies are the ones `make test` already installed (seen
    through a .pth file; the checkout's own editable install is not, as .pth files in that
    folder are not read), so nothing is downloaded and nothing of the checkout leaks in.
    """
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(where)
    python = where / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dependencies = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "test-dependencies.pth").write_text(
        "\n".join(dependencies) + "\n", encoding="utf-8"
    )
    return python


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sdist", "wheel"])
def test_each_package_installs_and_runs_demo_and_roadmap(
    packages: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    python = _fresh_environment(tmp_path / "env")
    # pip from the test environment, installing into the fresh one; the sdist is built there
    # with the hatchling the dependencies include (no build isolation: no download).
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            str(packages[kind]),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    workshop = python.parent / "workshop"
    assert workshop.is_file(), "the package did not install its `workshop` command"
    run = {"capture_output": True, "text": True, "cwd": tmp_path, "timeout": 120}
    located = subprocess.run(
        [str(python), "-I", "-c", "import workshop; print(workshop.__file__)"], **run
    )
    assert str(tmp_path / "env") in located.stdout and str(ROOT) not in located.stdout
    db = tmp_path / "w.sqlite3"
    demo = subprocess.run([str(workshop), "--db", str(db), "demo"], **run)
    assert demo.returncode == 0, demo.stderr
    session_id = demo.stdout.strip()
    pdf = tmp_path / "roadmap.pdf"
    roadmap = subprocess.run(
        [str(workshop), "--db", str(db), "roadmap", session_id, "--out", str(pdf)], **run
    )
    assert roadmap.returncode == 0, roadmap.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    # What the package declares is what it needs: pip finds every requirement satisfied.
    check = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "check"], **run)
    assert check.returncode == 0, check.stdout


@pytest.mark.slow
def test_sdist_carries_what_it_takes_to_build_install_and_test(packages: dict[str, Path]) -> None:
    import tarfile

    with tarfile.open(packages["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "pyproject.toml",
        "Makefile",
        "README.md",
        "workshop/resources/framework",
        "workshop/resources/fonts/DejaVuSans.ttf",
        "workshop/resources/icons/ml-team-maturity-workshop.svg",
        "resources/framework",
        "tools/seed_fingerprint.py",
        "tools/make_manpage.py",
        "tests/conftest.py",
        "tests/data/seed_fingerprint.txt",
        "packaging/workshop.spec",
    ):
        assert any(n == needed or n.startswith(needed + "/") for n in names), (
            f"sdist lacks {needed}"
        )
