from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_IDS = ["000_b7d55dfd4cdbabc3", "003_9a3e418065795979"]


@pytest.fixture(params=SEED_IDS)
def seed_id(request):
    return request.param
