"""``make install`` / ``make uninstall`` (packaging/install.sh) with a stand-in bundle."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from genai_atlas import APP_ID

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install.sh"
SIZES = (16, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A folder shaped like dist/genai-atlas whose program echoes its arguments."""
    folder = tmp_path / "bundle"
    (folder / "_internal" / "genai_atlas").mkdir(parents=True)
    (folder / "_internal" / "genai_atlas" / "atlas.db").write_text("db")
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("genai_atlas/atlas.db")
    program = folder / "genai-atlas"
    program.write_text('#!/bin/sh\necho "bundle ran with: $*"\n')
    program.chmod(0o755)
    return folder


def run(action: str, prefix: Path, bundle: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PREFIX=str(prefix), GENAI_ATLAS_BUNDLE=str(bundle))
    env.pop("DESTDIR", None)
    return subprocess.run(
        ["sh", str(SCRIPT), action], env=env, capture_output=True, text=True, check=False
    )


def tree(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_install_puts_everything_where_desktops_look(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    result = run("install", prefix, bundle)
    assert result.returncode == 0, result.stderr
    assert (prefix / "lib" / "genai-atlas" / "_internal" / "genai_atlas" / "atlas.db").is_file()
    assert (prefix / "lib" / "genai-atlas" / "_internal" / "libQt6Core.so.6").is_symlink()
    for size in SIZES:
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (prefix / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (prefix / f"share/metainfo/{APP_ID}.metainfo.xml").is_file()
    entry = (prefix / f"share/applications/{APP_ID}.desktop").read_text()
    assert f"Exec={prefix}/bin/genai-atlas\n" in entry
    assert f"Icon={APP_ID}\n" in entry


def test_the_launcher_runs_the_installed_bundle(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    run("install", prefix, bundle)
    result = subprocess.run(
        [str(prefix / "bin" / "genai-atlas"), "diffusion models"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "bundle ran with: diffusion models\n"


def test_uninstall_removes_exactly_what_install_added(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    # Somebody else's files in the same folders, before and after the install.
    (prefix / "share" / "applications").mkdir(parents=True)
    (prefix / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    (prefix / "bin").mkdir()
    (prefix / "bin" / "other-tool").write_text("#!/bin/sh\n")
    before = tree(prefix)

    assert run("install", prefix, bundle).returncode == 0
    (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "other.png").write_bytes(b"x")
    result = run("uninstall", prefix, bundle)

    assert result.returncode == 0, result.stderr
    assert "uninstalled GenAI Atlas" in result.stdout
    assert tree(prefix) == before | {
        "share/icons",
        "share/icons/hicolor",
        "share/icons/hicolor/48x48",
        "share/icons/hicolor/48x48/apps",
        "share/icons/hicolor/48x48/apps/other.png",
    }


def test_uninstall_of_an_empty_prefix_leaves_it_empty(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    prefix.mkdir()
    run("install", prefix, bundle)
    run("install", prefix, bundle)  # installing again replaces the first install
    assert run("uninstall", prefix, bundle).returncode == 0
    assert tree(prefix) == set()


def test_install_refuses_to_overwrite_a_foreign_launcher(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "genai-atlas").write_text("#!/bin/sh\n# from pip\n")
    result = run("install", prefix, bundle)
    assert result.returncode == 1
    assert f"{prefix}/bin/genai-atlas already exists" in result.stderr
    assert (prefix / "bin" / "genai-atlas").read_text() == "#!/bin/sh\n# from pip\n"
    assert not (prefix / "lib").exists()


def test_install_without_a_bundle_says_what_to_run(tmp_path: Path) -> None:
    result = run("install", tmp_path / "prefix", tmp_path / "missing")
    assert result.returncode == 1
    assert "run 'make bundle' first" in result.stderr


def test_uninstall_when_not_installed_is_harmless(tmp_path: Path, bundle: Path) -> None:
    result = run("uninstall", tmp_path / "prefix", bundle)
    assert result.returncode == 0
    assert "nothing to uninstall" in result.stdout


def test_make_help_lists_the_packaging_targets() -> None:
    result = subprocess.run(
        ["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for target in ("bundle", "install", "uninstall"):
        assert f"make {target} " in result.stdout
