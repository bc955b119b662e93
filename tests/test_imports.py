import subprocess
import sys


def test_import_medialit_stays_light():
    code = ("import sys, medialit, medialit.articles, medialit.cues, medialit.detect, medialit.report, "
            "medialit.evaluate, medialit.cli; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
