# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The file side of the ``ini_host`` and ``ini_group`` modules: lock, read, edit, write.

The usual call is ``delegate_to: localhost`` from every host of a play, so several processes
edit one inventory at once. Each holds an exclusive lock on a file beside the inventory
(``.<name>.lock``: hidden, so an inventory directory does not read it as a source) from
before it reads until after the new text has replaced the old by an atomic rename.

Standard library only; the module object is handed in, nothing is imported from Ansible.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import time
import typing as t

from .ini_diagnostics import IniParseError
from .ini_edit import EditError, EditResult
from .ini_lines import decode_source

__all__ = ["FILE_ARGUMENT_SPEC", "LockTimeout", "lock_path", "locked", "run_edit"]

# The options every editing module takes, as documented in doc_fragments/ini_file.py.
FILE_ARGUMENT_SPEC: dict[str, dict[str, t.Any]] = {
    "path": {"type": "path", "required": True, "aliases": ["dest"]},
    "create": {"type": "bool", "default": False},
    "backup": {"type": "bool", "default": False},
    "lock_timeout": {"type": "float", "default": 60},
}


class LockTimeout(OSError):
    """Another process held the inventory's lock for longer than we were willing to wait."""


def lock_path(path: str) -> str:
    directory, name = os.path.split(path)
    return os.path.join(directory, f".{name}.lock")


@contextlib.contextmanager
def locked(path: str, timeout: float) -> t.Iterator[None]:
    """Hold the exclusive lock of ``path`` (its lock file is made, and removed afterwards).

    The lock file is removed by its holder before it lets go, so a waiter may end up holding a
    lock on a file that is no longer there: it checks, and starts again on the new one.
    """
    name = lock_path(path)
    deadline = time.monotonic() + timeout
    while True:
        descriptor = os.open(name, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _acquire(descriptor, deadline, path)
            held = os.fstat(descriptor)
            try:
                current = os.stat(name)
            except FileNotFoundError:
                current = None
            if current is not None and (current.st_dev, current.st_ino) == (held.st_dev, held.st_ino):
                break
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        os.close(descriptor)


def _acquire(descriptor: int, deadline: float, path: str) -> None:
    delay = 0.01
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
        if time.monotonic() >= deadline:
            raise LockTimeout(f"timed out waiting for the lock of {path} ({lock_path(path)})")
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


def run_edit(module: t.Any, edit: t.Callable[[str, str], EditResult], entity: str) -> None:
    """Lock, read, apply ``edit(text, path)``, write atomically (unless check mode), and exit the module.

    ``entity`` names the result keys: ``host`` / ``host_before`` or ``group`` / ``group_before``.
    """
    params = module.params
    path = params["path"]
    if os.path.isdir(path):
        module.fail_json(msg=f"{path} is a directory; give the path of one INI inventory file")
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        module.fail_json(msg=f"the folder of {path} does not exist")
    outcome: dict[str, t.Any] = {}
    try:
        with locked(path, params["lock_timeout"]):
            result, exists, text = _edit_file(module, path, edit)
            outcome = {
                # No "path" or "dest" key: AnsibleModule would add the file's owner and group
                # next to it, and "group" is ini_group's own result.
                "changed": result.changed,
                entity: result.after,
                f"{entity}_before": result.before,
                "msg": _message(entity, result),
            }
            if module._diff:  # pylint: disable=protected-access
                outcome["diff"] = {
                    "before": text,
                    "after": result.text,
                    "before_header": f"{path} (content)",
                    "after_header": f"{path} (content)",
                }
            for warning in result.warnings:
                module.warn(warning)
            if result.changed and not module.check_mode:
                if params["backup"] and exists:
                    outcome["backup_file"] = module.backup_local(path)
                _write(module, path, result.text)
                exists = True
            if exists and not module.check_mode:
                file_args = module.load_file_common_arguments(params)
                outcome["changed"] = module.set_fs_attributes_if_different(file_args, outcome["changed"])
    except LockTimeout as error:
        module.fail_json(msg=str(error))
    except OSError as error:
        module.fail_json(msg=f"cannot edit {path}: {error}")
    module.exit_json(**outcome)


def _edit_file(
    module: t.Any, path: str, edit: t.Callable[[str, str], EditResult]
) -> tuple[EditResult, bool, str]:
    exists = os.path.exists(path)
    if not exists and not module.params["create"]:
        module.fail_json(msg=f"{path} does not exist; use create=true to start a new inventory")
    data = b""
    if exists:
        with open(path, "rb") as handle:
            data = handle.read()
    text = decode_source(data)
    try:
        return edit(text, path), exists, text
    except IniParseError as error:
        module.fail_json(
            msg=f"{path} is not a valid INI inventory, nothing changed:\n{error.render()}",
            diagnostics=[diagnostic.render() for diagnostic in error.diagnostics],
        )
    except EditError as error:
        module.fail_json(msg=f"{path}: {error}")
    raise AssertionError("fail_json returned")  # pragma: no cover


def _write(module: t.Any, path: str, text: str) -> None:
    directory, name = os.path.split(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8", "surrogateescape"))
        module.atomic_move(temporary, path, unsafe_writes=module.params["unsafe_writes"])
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _message(entity: str, result: EditResult) -> str:
    if not result.changed:
        return f"{entity} unchanged"
    if result.before is None:
        return f"{entity} added"
    if result.after is None:
        return f"{entity} removed"
    return f"{entity} changed"
