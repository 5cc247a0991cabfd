"""Where the system's Chromium is: Debian's ``chromium`` package, never a Playwright download."""

from __future__ import annotations

import os
import shutil

CANDIDATES = ("chromium", "chromium-browser")
ENV_EXECUTABLE = "GRAPH_SERVICE_CHROMIUM"
ENV_REQUIRE = "GRAPH_SERVICE_REQUIRE_BROWSER"
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]


def chromium_path() -> str | None:
    """``$GRAPH_SERVICE_CHROMIUM``, else the first Chromium on ``PATH``."""
    configured = os.environ.get(ENV_EXECUTABLE)
    if configured:
        return configured if os.path.exists(configured) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_required() -> bool:
    return os.environ.get(ENV_REQUIRE, "").strip().lower() in {"1", "true", "yes", "on"}
