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
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
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
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", site, str(wheel)],
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
    assert not [n for n in names if n.endswith(("/samples.py", "/bench.py", "/demo.py"))
                and not n.startswith("workshop/store/")]
    # Migrations run from the installed package: the scripts and their template must ship.
    assert any(n.startswith("workshop/store/migrations/versions/") and n.endswith(".py") for n in names)
    assert "workshop/store/migrations/script.py.mako" in names
    # The room-vote phone page is served from the installed package.
    for asset in ("index.html", "phone.js", "phone.css"):
        assert f"workshop/room/phone/{asset}" in names
