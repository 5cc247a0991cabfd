"""Logging for operators: one JSON object per line in production, readable text on a terminal.

Every line carries the time, level and logger; lines written while a request is served also carry
its ``request_id`` and ``principal`` (set by the API's request gate, ``begin_request_log``, and
added by the ``add_request`` processor). The standard library's loggers (ours, uvicorn's, the
drivers') go through the same formatter, so the whole process writes one format.
``configure_logging`` is called once by the command line; nothing is configured at import.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from typing import TextIO

import structlog

FORMATS = ("auto", "json", "text")
_HANDLER_NAME = "graph-service"  # configuring again replaces only our own handler


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def configure_logging(level: str = "info", fmt: str = "auto", stream: TextIO | None = None) -> None:
    """Route structlog and the standard library to ``stream`` (stderr) in ``fmt``."""
    out = stream or sys.stderr
    as_json = fmt == "json" or (fmt == "auto" and not out.isatty())
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        add_request,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if as_json
        else structlog.dev.ConsoleRenderer(colors=out.isatty())
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info if as_json else _keep,
            renderer,
        ],
    )
    handler: logging.Handler = logging.StreamHandler(stream) if stream else _StderrHandler()
    handler.setFormatter(formatter)
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if h.get_name() != _HANDLER_NAME] + [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


_request: ContextVar[tuple[str, str] | None] = ContextVar("graph_log_request", default=None)


def begin_request_log(request_id: str, principal: str) -> None:
    """Put the request's id and principal on every log line written while it is served.

    One context variable set per request, read only when a line is written (``add_request``):
    structlog's ``bind_contextvars``/``unbind_contextvars`` did the same at ~2.5 µs a request,
    written or not (issue 15).
    """
    _request.set((request_id, principal))


def end_request_log() -> None:
    _request.set(None)


def add_request(
    logger: object, name: str, event: structlog.types.EventDict
) -> structlog.types.EventDict:
    """The processor adding ``request_id`` and ``principal`` of the request being served."""
    found = _request.get()
    if found is not None:
        event.setdefault("request_id", found[0])
        event.setdefault("principal", found[1])
    return event


def _keep(logger: object, name: str, event: structlog.types.EventDict) -> structlog.types.EventDict:
    return event
