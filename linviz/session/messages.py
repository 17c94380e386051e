"""The session's messages: one English template per code (``{0}``, ``{1}`` … are the
:class:`~linviz.engine.text.Message` parameters, in order).

The templates are marked for Qt Linguist (context ``"Message"``): the app shows
``translate("Message", TEMPLATES[code]).format(*params)`` (``linviz.ui.messages``), the
command line :func:`english`. Adding a code means adding its template here and its Spanish
text to ``assets/translations/linviz_es.ts`` (``tools/update_translations.py``).
"""

from __future__ import annotations

from linviz.engine import text
from linviz.engine.text import ENGINE_TEMPLATES, QT_TRANSLATE_NOOP, Message

CONTEXT = "Message"

SESSION_TEMPLATES: dict[str, str] = {
    # training
    "knn_too_few": QT_TRANSLATE_NOOP("Message", "kNN needs at least k = {0} points; the plane has {1}."),
    "diverged": QT_TRANSLATE_NOOP(
        "Message", "Training diverged: the loss left the finite range at step {0}. {1} The plane shows step {2}, "
                   "the last finite one."),
    "blowing_up": QT_TRANSLATE_NOOP("Message", "The loss is blowing up: {0} at step 0, {1} at step {2}. {3}"),
    "cause_lr": QT_TRANSLATE_NOOP(
        "Message", "The learning rate α = {0} is too large for these points: try a smaller learning rate."),
    "cause_lam": QT_TRANSLATE_NOOP(
        "Message", "α = {0} with λ = {1}: the penalty alone multiplies W by {2} at every step, so W cannot "
                   "settle. Try a smaller learning rate or λ."),
    "start_nonfinite": QT_TRANSLATE_NOOP(
        "Message", "The starting W, b give a loss too large to compute at step 0: started from W = 0, b = 0."),
    "params_out_of_range": QT_TRANSLATE_NOOP(
        "Message", "{0} = {1} is too large: W and b entries must lie within ±{2} (a larger value makes the loss "
                   "too large to compute). Kept W, b as they were."),
    "typed_params_nonfinite": QT_TRANSLATE_NOOP(
        "Message", "These W, b give a loss too large to compute at step {0}. "
                   "Kept W, b as they were; try smaller values."),
    "settings_nonfinite": QT_TRANSLATE_NOOP(
        "Message", "The new settings give a loss too large to compute at step {0}. "
                   "Retrained from step 0 instead; try a smaller learning rate."),
    "held_w_nonfinite": QT_TRANSLATE_NOOP(
        "Message", "The W, b on screen give a loss too large to compute on these points. "
                   "Retrained from step 0 instead."),
    # lessons
    "replay_length": QT_TRANSLATE_NOOP(
        "Message", "Run {0} of {1} did not replay exactly: the file recorded {2} steps, re-running gives {3}. "
                   "Showing the re-run."),
    "replay_stop": QT_TRANSLATE_NOOP(
        "Message", "Run {0} of {1} did not replay exactly: the file says it stopped for “{2}”, "
                   "re-running stops for “{3}”. Showing the re-run."),
    "replay_no_final": QT_TRANSLATE_NOOP(
        "Message", "Run {0} of {1} cannot be checked: the file gives no final loss (was it edited by hand?); "
                   "re-running ends at {2}. Showing the re-run."),
    "replay_loss": QT_TRANSLATE_NOOP(
        "Message", "Run {0} of {1} did not replay exactly: the final loss was {2} in the file, {3} re-run. "
                   "Showing the re-run."),
}


TEMPLATES: dict[str, str] = {**ENGINE_TEMPLATES, **SESSION_TEMPLATES}
"""Every code the app may show: the engine's errors and the session's messages."""


def english(message: Message) -> str:
    """The message in English (the command line's language)."""
    return text.english(message, TEMPLATES)


__all__ = ["TEMPLATES", "SESSION_TEMPLATES", "CONTEXT", "english", "Message"]
