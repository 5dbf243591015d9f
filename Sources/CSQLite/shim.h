// The system's libsqlite3, used only by refuge-bench as the peer Refuge is measured against.
#include <sqlite3.h>
