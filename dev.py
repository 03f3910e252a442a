# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One entry point for a fresh clone that has nothing but Python.

    python3 dev.py demo     # the plugin showing `ansible-inventory --graph` of examples/hosts.ini
    python3 dev.py test     # lint, types and every test (see noxfile.py for what runs)
    python3 dev.py matrix   # the test suite on every supported ansible-core
    python3 dev.py nox ...  # any nox command line, e.g. `python3 dev.py nox -s benchmark`

It makes .venv-nox (nox, uv and antsibull-nox, pinned in tests/requirements/nox.txt) and runs nox there;
nox makes one environment per session under .nox/. Pythons are found on PATH and in pyenv.
.venv-nox is made with the newest Python found (3.12 or later when there is one), because the
antsibull-nox sessions run on nox's own Python and install the newest ansible-core.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS_VENV = ROOT / ".venv-nox"
TOOLS_REQUIREMENTS = ROOT / "tests" / "requirements" / "nox.txt"
SESSIONS = {
    "demo": ["-s", "demo"],
    "test": ["-t", "ci"],
    "matrix": ["-s", "tests"],
}


def main(argv: list[str]) -> int:
    if not argv or (argv[0] not in SESSIONS and argv[0] != "nox"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    nox_args = argv[1:] if argv[0] == "nox" else SESSIONS[argv[0]] + argv[1:]
    python = _tools_python()
    env = dict(os.environ, PATH=os.pathsep.join([*_pyenv_bin_dirs(), os.environ.get("PATH", "")]))
    # uv must use the Pythons on this machine, never download one.
    env.setdefault("UV_PYTHON_DOWNLOADS", "never")
    # A missing Python fails the run: a core that was skipped must never look like a green one.
    command = [str(python), "-m", "nox", "--error-on-missing-interpreters", *nox_args]
    return subprocess.call(command, cwd=ROOT, env=env)


def _tools_python() -> Path:
    python = TOOLS_VENV / "bin" / "python"
    stamp = TOOLS_VENV / ".requirements"
    base = _newest_python()
    wanted = f"# made with {base}\n{TOOLS_REQUIREMENTS.read_text()}"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    print(f"dev.py: setting up {TOOLS_VENV.name} (nox, uv, antsibull-nox) with {base}", file=sys.stderr)
    if base == sys.executable:
        venv.EnvBuilder(with_pip=True, clear=True).create(TOOLS_VENV)
    else:
        subprocess.check_call([base, "-m", "venv", "--clear", str(TOOLS_VENV)])
    subprocess.check_call([str(python), "-m", "pip", "install", "-q", "-r", str(TOOLS_REQUIREMENTS)])
    stamp.write_text(wanted)
    return python


def _newest_python() -> str:
    """The newest python3.X on PATH or in pyenv, from 3.13 down to 3.12; else the Python running dev.py."""
    search = os.pathsep.join([*_pyenv_bin_dirs(), os.environ.get("PATH", "")])
    for minor in (13, 12):
        found = shutil.which(f"python3.{minor}", path=search)
        if found:
            return found
    return sys.executable


def _pyenv_bin_dirs() -> list[str]:
    """pyenv's versions, newest first, so nox finds python3.10 to python3.13 without shims."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    if not root.is_dir():
        return []
    versions = sorted(root.iterdir(), key=lambda path: _version_key(path.name), reverse=True)
    return [str(path / "bin") for path in versions if (path / "bin").is_dir()]


def _version_key(name: str) -> tuple[int, ...]:
    parts = []
    for part in name.split("."):
        if not part.isdigit():
            return (0,)
        parts.append(int(part))
    return tuple(parts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
