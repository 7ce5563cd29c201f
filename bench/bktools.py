"""What the Python benchmarks share (standard library only)."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_tool(name, given=None):
    """The tool NAME: GIVEN when set, else the first executable one in
    $BK_BUILD_DIR/bin, build/bin or ../build/bin; None when there is none."""
    if given:
        return given
    dirs = []
    if os.environ.get("BK_BUILD_DIR"):
        dirs.append(os.path.join(ROOT, os.environ["BK_BUILD_DIR"], "bin"))
    dirs += [os.path.join(ROOT, "build", "bin"), os.path.join(ROOT, "..", "build", "bin")]
    for d in dirs:
        p = os.path.join(d, name)
        if os.access(p, os.X_OK):
            return p
    return None
