"""Texts a user reads, kept Qt-free: the translation marker and coded messages.

The engine and the session core never write a finished sentence for the user: they return a
:class:`Message` — a code, its parameters and a level — and whoever shows it picks the
language (the app translates through Qt Linguist, the command line stays English).

``QT_TRANSLATE_NOOP(context, text)`` marks a literal English text for ``pyside6-lupdate``
(``tools/update_translations.py``) without translating it here; the UI translates it where it
is shown with ``QCoreApplication.translate(context, text)``. It is defined once, in this module,
for the engine, the session core and the UI alike.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("info", "warning", "error")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation in ``context`` without translating it (no Qt here)."""
    return text


@dataclass(frozen=True)
class Message:
    """Something the user must be told: ``code`` names the sentence (a key of a template table,
    e.g. ``linviz.session.messages.TEMPLATES``), ``params`` fill its ``{0}``, ``{1}`` … slots,
    ``level`` is "info", "warning" or "error"."""

    code: str
    params: tuple = ()
    level: str = "info"

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        object.__setattr__(self, "params", tuple(self.params))


ENGINE_TEMPLATES: dict[str, str] = {
    # training settings
    "bad_lr": QT_TRANSLATE_NOOP("Message", "the learning rate must be a finite number > 0, not {0}"),
    "bad_batch_size": QT_TRANSLATE_NOOP("Message", "the batch size must be ≥ 1 (or full), not {0}"),
    "bad_steps": QT_TRANSLATE_NOOP("Message", "the number of steps must be ≥ 0, not {0}"),
    "bad_tol": QT_TRANSLATE_NOOP("Message", "tol must be ≥ 0, not {0}"),
    "bad_gtol": QT_TRANSLATE_NOOP("Message", "gtol must be ≥ 0, not {0}"),
    # points files
    "file_empty": QT_TRANSLATE_NOOP("Message", "line 1: the file is empty (a points file needs at least a header)"),
    "file_columns": QT_TRANSLATE_NOOP(
        "Message", "line {0}: wrong number of columns: {1} found, 3 expected (x,y,label)"),
    "file_not_number": QT_TRANSLATE_NOOP("Message", "line {0}: text where a number belongs: {1} = {2}"),
    "file_json": QT_TRANSLATE_NOOP("Message", "line {0}, column {1}: invalid or truncated JSON: {2}"),
    "file_not_found": QT_TRANSLATE_NOOP("Message", "{0}: file not found"),
    "in_file": QT_TRANSLATE_NOOP("Message", "{0}: {1}"),
    "cannot_write": QT_TRANSLATE_NOOP("Message", "{0}: cannot write file: {1}"),
    # lesson files
    "lesson_empty": QT_TRANSLATE_NOOP("Message", "the file is empty"),
    "lesson_json": QT_TRANSLATE_NOOP(
        "Message", "line {0}, column {1}: the file is truncated or not valid JSON ({2})"),
    # CIFAR-10
    "download_failed": QT_TRANSLATE_NOOP("Message", "{0}: the download failed ({1})"),
    "download_corrupt": QT_TRANSLATE_NOOP(
        "Message", "{0}: the download is corrupt, its checksum does not match; nothing was kept ({1})"),
    "cifar_no_folder": QT_TRANSLATE_NOOP("Message", "{0}: no such folder"),
}
"""English templates of the engine's coded errors (context ``"Message"``; ``{0}`` … are the
parameters; a parameter may itself be a Message, as the reason of ``in_file``). A text from
the operating system or a parser (``{2}`` of ``file_json``) is passed on as it came."""


POINTS_FILE_TEMPLATES: dict[str, str] = {
    # where a fault is, and a fault with a reason from elsewhere (a parser, the OS)
    "line": QT_TRANSLATE_NOOP("Message", "line {0}"),
    "at": QT_TRANSLATE_NOOP("Message", "{0}: {1}"),
    "not_a_list": QT_TRANSLATE_NOOP("Message", "not a list"),
    "no_suffix": QT_TRANSLATE_NOOP("Message", "(none)"),
    # CSV points files
    "csv_second_classes": QT_TRANSLATE_NOOP("Message", "line {0}: a second '# classes:' line"),
    "file_columns_semicolon": QT_TRANSLATE_NOOP(
        "Message", "line {0}: wrong number of columns: {1} found, 3 expected (x,y,label) (separate columns with commas)"),
    "csv_too_many_points": QT_TRANSLATE_NOOP("Message", "line {0}: too many points: the limit is {1}"),
    "csv_only_comments": QT_TRANSLATE_NOOP("Message", "line 1: the file has only comments: no header and no points"),
    "csv_bad_classes": QT_TRANSLATE_NOOP("Message", "line {0}: bad '# classes:' line: {1}"),
    "label_text": QT_TRANSLATE_NOOP("Message", "line {0}: label {1} is text, but the file's labels are class numbers"),
    "label_number": QT_TRANSLATE_NOOP("Message", "line {0}: label {1} is a number, but the file's labels are class names"),
    "unknown_class": QT_TRANSLATE_NOOP("Message", "line {0}: unknown class {1}; the '# classes:' line names {2}"),
    "eleventh_class": QT_TRANSLATE_NOOP("Message", "line {0}: class {1} would be the 11th: more than 10 classes"),
    "bad_class_name": QT_TRANSLATE_NOOP(
        "Message", "line {0}: class name {1} must be non-empty with no comma, quote or newline"),
    # CSV and JSON points
    "coord_nonfinite": QT_TRANSLATE_NOOP("Message", "{0}: {1} is {2}; coordinates must be finite numbers"),
    "coord_too_large": QT_TRANSLATE_NOOP("Message", "{0}: {1} = {2} is too large; coordinates must lie within ±{3}"),
    "label_not_int": QT_TRANSLATE_NOOP("Message", "{0}: label {1} is not an integer class index"),
    "label_negative": QT_TRANSLATE_NOOP("Message", "{0}: label {1} is negative; class indices start at 0"),
    "label_range_free": QT_TRANSLATE_NOOP(
        "Message", "{0}: label {1} is out of range: more than 10 classes (labels 0..{2})"),
    "label_range_named": QT_TRANSLATE_NOOP(
        "Message", "{0}: label {1} is out of range: {2} classes are named (labels 0..{3})"),
    # JSON points files
    "points_not_list": QT_TRANSLATE_NOOP("Message", "'points' must be a list of [x, y, label]"),
    "json_too_many_points": QT_TRANSLATE_NOOP("Message", "{0}: too many points ({1}): the limit is {2}"),
    "class_names_not_list": QT_TRANSLATE_NOOP("Message", "'class_names' must be a list of names"),
    "json_too_deep": QT_TRANSLATE_NOOP("Message", "lists and objects nested too deep (at most {0})"),
    "not_points_file": QT_TRANSLATE_NOOP(
        "Message", "not a linviz points file: expected an object with \"format\": \"{0}\""),
    "bad_points_version": QT_TRANSLATE_NOOP("Message", "'version' must be a positive integer, not {0}"),
    "newer_version": QT_TRANSLATE_NOOP(
        "Message", "file version {0} was written by a newer linviz; this one reads version {1}"),
    "json_columns": QT_TRANSLATE_NOOP("Message", "{0}: wrong number of columns ({1}); each point is [x, y, label]"),
    "json_not_number": QT_TRANSLATE_NOOP("Message", "{0}: text where a number belongs: {1} = {2}"),
    # files
    "unsupported_type": QT_TRANSLATE_NOOP("Message", "{0}: unsupported file type {1}; use .csv or .json"),
    "not_utf8": QT_TRANSLATE_NOOP("Message", "{0}: line {1}: not UTF-8 text (byte 0x{2})"),
    # class names and the starting W, b of a point set
    "class_count": QT_TRANSLATE_NOOP("Message", "{0} classes: a dataset needs {1} to {2} classes"),
    "class_name_empty": QT_TRANSLATE_NOOP("Message", "class {0}: a class name must be non-empty text, not {1}"),
    "class_name_chars": QT_TRANSLATE_NOOP(
        "Message", "class {0}: name {1} may not start/end with spaces or contain , \" or a newline"),
    "class_name_twice": QT_TRANSLATE_NOOP("Message", "class name {0} is used twice; class names must be unique"),
    "start_pair": QT_TRANSLATE_NOOP("Message", "W0 and b0 go together: give both or neither"),
    "start_not_numbers": QT_TRANSLATE_NOOP("Message", "W0/b0 must be numbers: {0}"),
    "start_shape": QT_TRANSLATE_NOOP("Message", "W0 must be ({0}, 2) and b0 ({0},), not {1} and {2}"),
}
"""The faults of a points file or point set (English; a ``{0}`` naming a place is ``line``'s
Message in a CSV file, ``points[i]`` in a JSON one)."""
ENGINE_TEMPLATES.update(POINTS_FILE_TEMPLATES)


LESSON_FILE_TEMPLATES: dict[str, str] = {
    # how a JSON value reads inside a message
    "kind_bool": QT_TRANSLATE_NOOP("Message", "true/false"),
    "kind_text": QT_TRANSLATE_NOOP("Message", "text {0}"),
    "kind_list": QT_TRANSLATE_NOOP("Message", "a list"),
    "kind_object": QT_TRANSLATE_NOOP("Message", "an object"),
    # the lesson's structure
    "save_nonfinite": QT_TRANSLATE_NOOP("Message", "cannot save a value that is not a finite number: {0}"),
    "not_lesson": QT_TRANSLATE_NOOP("Message", "not a linviz lesson: expected an object with \"format\": \"{0}\""),
    "lesson_format": QT_TRANSLATE_NOOP("Message", "not a linviz lesson: \"format\" is {0}, expected \"{1}\""),
    "lesson_is_points": QT_TRANSLATE_NOOP(
        "Message", "not a linviz lesson: \"format\" is {0}, expected \"{1}\" (this is a points file: use File → "
                   "Open points…)"),
    "bad_lesson_version": QT_TRANSLATE_NOOP("Message", "version: must be a positive whole number, not {0}"),
    "newer_lesson": QT_TRANSLATE_NOOP(
        "Message", "version {0}: this lesson was saved by a newer linviz; this one reads lesson files up to version "
                   "{1}. Update linviz to open it."),
    "lesson_unknown_entry": QT_TRANSLATE_NOOP("Message", "{0}: unknown entry in a version {1} lesson"),
    "unknown_entry": QT_TRANSLATE_NOOP("Message", "{0}: unknown entry"),
    "missing": QT_TRANSLATE_NOOP("Message", "{0}: missing"),
    "bad_lesson_dataset": QT_TRANSLATE_NOOP(
        "Message", "dataset: must be an object (a linviz-points document), not {0}"),
    "bad_current_run": QT_TRANSLATE_NOOP("Message", "current_run: must be null or a run index from 0 to {0}, not {1}"),
    "bad_branches": QT_TRANSLATE_NOOP("Message", "branches: must be a list of run indices, not {0}"),
    "bad_selected": QT_TRANSLATE_NOOP("Message", "selected: must be a list of point indices, not {0}"),
    "bad_autosave_of": QT_TRANSLATE_NOOP("Message", "autosave_of: must be a file name or null, not {0}"),
    "int_range": QT_TRANSLATE_NOOP("Message", "{0}: {1} is out of range ({2} to {3})"),
    # the runs
    "runs_not_list": QT_TRANSLATE_NOOP("Message", "runs: must be a list, not {0}"),
    "too_many_runs": QT_TRANSLATE_NOOP("Message", "runs: {0} runs; the limit is {1}"),
    "not_object": QT_TRANSLATE_NOOP("Message", "{0}: must be an object, not {1}"),
    "bad_stop_reason": QT_TRANSLATE_NOOP("Message", "{0}: {1} is not one of {2}"),
    "bad_final_loss": QT_TRANSLATE_NOOP("Message", "{0}: must be a finite number or null, not {1}"),
    "root_branch_step": QT_TRANSLATE_NOOP("Message", "{0}: a run without a parent has no branch step"),
    "root_empty": QT_TRANSLATE_NOOP("Message", "{0}: a first run has at least one step"),
    "bad_parent": QT_TRANSLATE_NOOP("Message", "{0}: must be the index of an earlier run (0 to {1}), not {2}"),
    "branch_features": QT_TRANSLATE_NOOP("Message", "{0}: a branch must keep its parent's feature size"),
    "branch_beyond": QT_TRANSLATE_NOOP("Message", "{0}: {1} steps cannot hold a branch at step {2}"),
    "matrix_not_list": QT_TRANSLATE_NOOP("Message", "{0}: must be a list of numbers ({1}), not {2}"),
    "matrix_not_numbers": QT_TRANSLATE_NOOP("Message", "{0}: must hold only numbers ({1})"),
    "matrix_ragged": QT_TRANSLATE_NOOP("Message", "{0}: must be {1} numbers"),
    "matrix_shape": QT_TRANSLATE_NOOP("Message", "{0}: must be {1} numbers, not {2}"),
    # the settings tree
    "settings_not_object": QT_TRANSLATE_NOOP("Message", "{0}: must be an object of settings, not {1}"),
    "unknown_setting": QT_TRANSLATE_NOOP("Message", "{0}: unknown setting"),
    "not_bool": QT_TRANSLATE_NOOP("Message", "{0}: must be true or false, not {1}"),
    "not_whole": QT_TRANSLATE_NOOP("Message", "{0}: must be a whole number, not {1}"),
    "not_finite": QT_TRANSLATE_NOOP("Message", "{0}: must be a finite number, not {1}"),
    "not_number": QT_TRANSLATE_NOOP("Message", "{0}: must be a number, not {1}"),
    "not_text": QT_TRANSLATE_NOOP("Message", "{0}: must be text, not {1}"),
}
"""The faults of a lesson file (English; a ``{0}`` naming a place is its JSON path, such as
``runs[1].branch_step``, which stays as written)."""
ENGINE_TEMPLATES.update(LESSON_FILE_TEMPLATES)


CIFAR_TEMPLATES: dict[str, str] = {
    "cifar_cannot_read": QT_TRANSLATE_NOOP("Message", "{0}: cannot read the file ({1})"),
    "cifar_truncated": QT_TRANSLATE_NOOP("Message", "{0}: the file is empty or truncated (the pickle ends early)"),
    "cifar_bad_pickle": QT_TRANSLATE_NOOP("Message", "{0}: not a valid CIFAR-10 pickle ({1})"),
    "cifar_not_dict": QT_TRANSLATE_NOOP("Message", "{0}: expected a dict of batch data, found a {1}"),
    "cifar_missing_keys": QT_TRANSLATE_NOOP("Message", "{0}: missing key(s) {1}"),
    "cifar_bad_data": QT_TRANSLATE_NOOP("Message", "{0}: b'data' must be a uint8 array of shape (n, {1}); found a {2}"),
    "cifar_no_images": QT_TRANSLATE_NOOP("Message", "{0}: the batch holds no images"),
    "cifar_bad_labels": QT_TRANSLATE_NOOP("Message", "{0}: b'labels' must be a list of integers"),
    "cifar_label_count": QT_TRANSLATE_NOOP("Message", "{0}: {1} labels for {2} images"),
    "cifar_label_range": QT_TRANSLATE_NOOP("Message", "{0}: label {1} is out of range 0..{2}"),
    "cifar_bad_meta": QT_TRANSLATE_NOOP(
        "Message", "{0}: expected a dict with b'label_names', a list of 2 to 255 class names"),
    "cifar_bad_name": QT_TRANSLATE_NOOP("Message", "{0}: a class name is not valid text ({1})"),
    "cifar_no_train": QT_TRANSLATE_NOOP(
        "Message", "{0}: no training batch (data_batch_1 … data_batch_5) in this folder"),
    "cifar_no_test": QT_TRANSLATE_NOOP("Message", "{0}: file not found (the test batch is required)"),
    "cifar_archive_incomplete": QT_TRANSLATE_NOOP("Message", "{0}: the archive does not hold {1}; it was deleted"),
    "cifar_archive_damaged": QT_TRANSLATE_NOOP(
        "Message", "{0}: cannot unpack the archive, it is damaged and was deleted ({1})"),
    "cifar_cannot_unpack": QT_TRANSLATE_NOOP("Message", "{0}: cannot unpack {1} there ({2})"),
}
"""The faults of a CIFAR-10 folder, batch file or download (English; ``{0}`` is the path)."""
ENGINE_TEMPLATES.update(CIFAR_TEMPLATES)


FILE_CHECK_TEMPLATES: dict[str, str] = {
    "fc_folder": QT_TRANSLATE_NOOP("Message", "{0}: is a folder, not a file"),
    "fc_cannot_read": QT_TRANSLATE_NOOP("Message", "{0}: cannot read file: {1}"),
    "fc_not_regular": QT_TRANSLATE_NOOP(
        "Message", "{0}: not a regular file (a pipe, device or folder); linviz reads only files"),
    "fc_too_large": QT_TRANSLATE_NOOP("Message", "{0}: file too large (over {1} MiB)"),
    "fc_nested": QT_TRANSLATE_NOOP(
        "Message", "line {0}: lists and objects nested {1} deep; a linviz file nests at most {2} deep"),
    "fc_long_line": QT_TRANSLATE_NOOP("Message", "line {0}: {1} characters long; a line holds at most {2} (x, y, label)"),
    "out_of_range": QT_TRANSLATE_NOOP("Message", "{0}: {1} is out of range ({2} to {3})"),
    "fc_work": QT_TRANSLATE_NOOP(
        "Message", "{0}: {1} steps on {2} points × {3} classes × {4} features is {5} units of work; the limit is {6}"),
    "replay_work": QT_TRANSLATE_NOOP(
        "Message", "runs: re-running them is {0} units of work (length × points × classes × features); the limit is {1}"),
    "too_many_steps": QT_TRANSLATE_NOOP(
        "Message", "{0}: the runs ask for more recorded steps than linviz can hold (at most {1} steps in all)"),
}
"""The bounds every file and setting is checked against (``engine/file_checks.py``): sizes,
nesting, ranges and the work a load may start."""
ENGINE_TEMPLATES.update(FILE_CHECK_TEMPLATES)


def english(message: Message, templates: dict[str, str] | None = None) -> str:
    """``message`` in English: its template filled with its parameters (Messages among them
    in English too)."""
    templates = ENGINE_TEMPLATES if templates is None else templates
    params = [english(p, templates) if isinstance(p, Message) else p for p in message.params]
    return templates[message.code].format(*params)


class Explained(Exception):
    """Mixed into an engine error that says what is wrong as a coded :class:`Message`:
    ``error.message`` (code, parameters) for the app to translate, ``str(error)`` in English
    for the command line and logs."""

    def __init__(self, message, *args):
        if isinstance(message, Message):
            self.message = message
            message = english(message)
        else:
            self.message = None
        super().__init__(message, *args)


def explained(error_type: type, code: str, *params) -> Exception:
    """``error_type(Message(code, params, "error"))``: an engine error with a coded message."""
    return error_type(Message(code, params, "error"))


def reason(error: BaseException):
    """What an error says: its coded Message when it has one, else its English text."""
    message = getattr(error, "message", None)
    return message if isinstance(message, Message) else str(error)


__all__ = ["Message", "QT_TRANSLATE_NOOP", "LEVELS", "ENGINE_TEMPLATES", "Explained", "explained", "english", "reason"]
