"""An RTSP camera on loopback for FaceGate's tests: JPEG frames from a folder, looped, encoded to H.264.

GStreamer's RTSP server through Debian's python3-gi (run it with /usr/bin/python3, whose gi bindings
these are). Usage: rtsp_server.py PORT LOCATION START_INDEX FPS [USER PASSWORD]
  LOCATION     a printf pattern of the frames, e.g. /data/frames_blink_vga/frame_%04d.jpg
  START_INDEX  the first frame's number
Serves rtsp://127.0.0.1:PORT/stream (Basic auth when USER and PASSWORD are given); prints "ready".
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

Gst.init(None)
port, location, start, fps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)

factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    f'( multifilesrc location="{location}" start-index={start} loop=true caps="image/jpeg,framerate={fps}/1" '
    f"! jpegdec ! videoconvert ! video/x-raw,format=I420 "
    f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} "
    f"! rtph264pay name=pay0 pt=96 config-interval=1 )"
)
factory.set_shared(True)

if len(sys.argv) > 6:
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "camera-user")
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(sys.argv[5], sys.argv[6]), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role("camera-user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
    permissions.add_permission_for_role("camera-user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
    factory.set_permissions(permissions)

server.get_mount_points().add_factory("/stream", factory)
if server.attach(None) == 0:
    sys.exit(f"cannot listen on 127.0.0.1:{port}")
print("ready", flush=True)
GLib.MainLoop().run()
