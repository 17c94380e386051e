"""The training session as plain Python (no Qt): settings, points, runs and branches, the
step shown, and what every edit does to them (:mod:`.core`); messages as codes
(:mod:`.messages`). The app's ``SessionModel``, the command line, lesson files and the
compare panes all drive it."""

from .core import HISTORY, SETTINGS, STEP, Outcome, SessionState
from .messages import TEMPLATES, english
from .settings import INITS, MAX_STEPS, MODELS, KnnSettings, Settings, check_settings

__all__ = ["SessionState", "Outcome", "SETTINGS", "HISTORY", "STEP", "Settings", "KnnSettings", "MODELS", "INITS",
           "MAX_STEPS", "check_settings", "TEMPLATES", "english"]
