"""The command group every ``interlock`` command runs in: one clear line, never a traceback.

``SafeGroup.invoke`` escapes all a command writes (``interlock.textsafe``), so text
from documents, outlets, names and registries cannot drive the terminal, and
turns any error that escapes a command into one line naming the problem and a
nonzero exit code: the library's own errors, a store that is read-only, locked
or broken, a file that cannot be read, and, last, anything unforeseen (said as
an internal error, with its type, so it can be reported).
"""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import sys
from typing import Any

import click

from interlock.errors import InterlockError
from interlock.textsafe import EscapingStream, escape


def one_line(text: str) -> str:
    """``text`` escaped and on one line."""
    return " ".join(escape(text).replace("\r", " ").split("\n")).strip()


def explain(exc: BaseException) -> str:
    """One line for an error a command did not handle itself."""
    if isinstance(exc, InterlockError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "readonly" in text or "read-only" in text:
            return "the store is read-only: this command writes to it (commands that only read it work)"
        if "locked" in text or "busy" in text:
            return "the store is locked by another writer (set INTERLOCK_LOCK_TIMEOUT to wait longer)"
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return f"the store is damaged or not an Interlock store ({text})"
        return f"the store cannot be used ({text})"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, UnicodeError):
        return f"text that is not valid Unicode ({exc})"
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read"
    if isinstance(exc, OverflowError):
        return f"a number too large to use ({exc})"
    if isinstance(exc, MemoryError):
        return "out of memory (an input is too large)"
    return f"internal error ({type(exc).__name__}: {exc}); please report it"


def reader_gone(stream: Any) -> None:
    """The reader of ``stream`` went away (``interlock show X | head -1``): point it at nothing, so that
    neither what is still buffered nor the flush at exit fails again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # no file descriptor (a test's captured output): nothing will flush it at exit


class SafeGroup(click.Group):
    """A click group whose commands write escaped text and fail with one line."""

    def invoke(self, ctx: click.Context) -> Any:
        out, err = sys.stdout, sys.stderr
        sys.stdout = EscapingStream(out)
        sys.stderr = EscapingStream(err)
        try:
            done = super().invoke(ctx)
            out.flush()  # a closed pipe shows here, not in the interpreter's last flush
            return done
        except click.exceptions.Exit:
            raise
        except click.Abort:
            raise
        except click.UsageError as exc:
            raise click.UsageError(one_line(exc.format_message()), exc.ctx) from None
        except click.ClickException as exc:
            raise click.ClickException(one_line(exc.format_message())) from None
        except BrokenPipeError:
            # the reader went away (| head): it has what it wanted, stop quietly and successfully
            reader_gone(out)
            ctx.exit(0)
        except KeyboardInterrupt:
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                reader_gone(out)
                ctx.exit(0)
            raise click.ClickException(one_line(explain(exc))) from None
        except Exception as exc:  # noqa: BLE001 - the last net: one line, never a traceback
            raise click.ClickException(one_line(explain(exc))) from None
        finally:
            sys.stdout, sys.stderr = out, err
