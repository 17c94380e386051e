"""Lectures: files of scenes (``format``), applied and measured without a window (``measures``).

No Qt here; the app's lecture mode, the ``linviz lecture`` command and the tests share it.
"""

from .format import Lecture, LectureError, Scene, builtin_lecture_path, parse_lecture, read_lecture
from .measures import SceneState, apply_scene, measure_scene

__all__ = ["Lecture", "LectureError", "Scene", "SceneState", "apply_scene", "builtin_lecture_path", "measure_scene",
           "parse_lecture", "read_lecture"]
