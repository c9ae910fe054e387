#!/usr/bin/env bash
# Runs a command with what a Linux desktop puts on the session bus for apps like Twoway: a StatusNotifier watcher
# (the panel that shows tray icons; without one the app keeps no hidden window) and a notification daemon.
# python3-dbusmock stands in for both. Run it inside a session bus and a display:
#   dbus-run-session -- xvfb-run -a bash tests/electron/desktopBus.sh npx playwright test --project electron
# Needs (Debian, Ubuntu): dbus, libglib2.0-bin (gdbus), python3-dbusmock.
set -euo pipefail

if [[ -z ${DBUS_SESSION_BUS_ADDRESS:-} ]]; then
  echo "No session bus: run this inside dbus-run-session." >&2
  exit 1
fi

watcher=org.kde.StatusNotifierWatcher
# The system's Python, which holds the Debian package (a runner's PATH may name another one first).
/usr/bin/python3 -m dbusmock "$watcher" /StatusNotifierWatcher "$watcher" >/dev/null &
pids=($!)
/usr/bin/python3 -m dbusmock --template notification_daemon >/dev/null &
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null' EXIT

gdbus wait --session --timeout 10 "$watcher"
gdbus wait --session --timeout 10 org.freedesktop.Notifications

# The watcher's interface as the StatusNotifierItem specification gives it.
mock() {
  gdbus call --session --dest "$watcher" --object-path /StatusNotifierWatcher \
    --method "org.freedesktop.DBus.Mock.$1" "$watcher" "${@:2}" >/dev/null
}
mock AddMethod RegisterStatusNotifierItem s "''" "''"
mock AddMethod RegisterStatusNotifierHost s "''" "''"
mock AddProperty IsStatusNotifierHostRegistered '<true>'
mock AddProperty ProtocolVersion '<0>'
mock AddProperty RegisteredStatusNotifierItems '<@as []>'

"$@"
