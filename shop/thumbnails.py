"""Oscar's sorl-thumbnail thumbnailer, remembering each thumbnail in the process.

sorl looks every thumbnail up in its key-value store (the cache, then the database): one round
trip per image, so a list of 24 product cards cost 24 cache calls, and with the cache down 24
queries. A thumbnail is named after its source's name, geometry and options, and upload names
are unique, so what sorl answered for them stays true: it is remembered here for an hour (a
bound for a source deleted and uploaded again under the same name in another process).
Only thumbnails sorl has made are remembered; a missing source is asked about again next time.
"""

import threading
import time

from oscar.core.thumbnails import SorlThumbnail
from sorl.thumbnail.images import ImageFile

KEEP_SECONDS = 3600
MAX_ENTRIES = 20_000  # about 2,000 products' images at every size the store shows

_made = {}  # (source name, options) -> (expires at, thumbnail)
_lock = threading.Lock()


def _source_name(source):
    return str(getattr(source, "name", source))


class MemoisedSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        key = (_source_name(source), repr(sorted(opts.items())))
        now = time.monotonic()
        found = _made.get(key)
        if found is not None and found[0] > now:
            return found[1]
        thumbnail = super().generate_thumbnail(source, **opts)
        # sorl gives a thumbnail its size when it stores it (made, or found made); never when
        # the source could not be read.
        if isinstance(thumbnail, ImageFile) and thumbnail._size is not None:
            with _lock:
                if len(_made) >= MAX_ENTRIES:
                    _made.clear()
                _made[key] = (now + KEEP_SECONDS, thumbnail)
        return thumbnail

    def delete_thumbnails(self, source):
        name = _source_name(source)
        with _lock:
            for key in [key for key in _made if key[0] == name]:
                del _made[key]
        super().delete_thumbnails(source)
