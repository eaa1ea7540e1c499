"""The build step that puts the trained pipeline and the annotation kit into the wheel.

Everything else is declared in pyproject.toml. The trained pipeline lives in the
repository's models/ folder (where `planextract train` writes it); at build time it is
copied, whatever components it holds, to `planextract/pipeline/` inside the package, and
the Label Studio config and the guidelines to `planextract/annotation/`. An editable
install reads both in place instead (src/planextract/resources.py). A build without a
trained pipeline fails: a wheel must never ship without its model.
"""
import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# The names come from the module that reads them back (it imports nothing but the standard library).
_spec = importlib.util.spec_from_file_location("_resources", ROOT / "src" / "planextract" / "resources.py")
resources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(resources)
MODEL = ROOT / "models" / resources.MODEL_FOLDER


class BuildWithModel(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not ((MODEL / "meta.json").is_file() and (MODEL / "config.cfg").is_file()):
            raise SystemExit(f"{MODEL}: no trained pipeline to ship (run `planextract train`)")
        package = Path(self.build_lib) / "planextract"
        shutil.rmtree(package / resources.PACKAGED_MODEL, ignore_errors=True)
        shutil.copytree(MODEL, package / resources.PACKAGED_MODEL)
        (package / resources.PACKAGED_ANNOTATION).mkdir(parents=True, exist_ok=True)
        for name in resources.ANNOTATION_FILES:
            shutil.copy2(ROOT / "annotations" / name, package / resources.PACKAGED_ANNOTATION / name)


setup(cmdclass={"build_py": BuildWithModel})
