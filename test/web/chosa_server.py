"""Starts and stops a real `chosa serve` for tests, and a small browser-like HTTP client."""
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

BIN = os.environ["CHOSA_BIN"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, *args, db=None):
        self.dir = tempfile.mkdtemp(prefix="chosa_web_")
        self.db = db or os.path.join(self.dir, "chosa.db")
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.proc = subprocess.Popen([BIN, "serve", "--port", str(self.port), "--db", self.db, *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "待ち受けています" not in line:
            raise RuntimeError("server did not start: %s %s" % (line, self.proc.stderr.read()))

    def kill(self):
        """SIGKILL: no chance to flush or close anything."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.communicate()

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        self.stderr = err
        return self.proc.returncode


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies, forms and redirects followed by hand (so tests can see every step)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.last = None

    def request(self, method, path, fields=None, raw_body=None, headers=None):
        data = None
        if fields is not None:
            data = urllib.parse.urlencode(fields, doseq=True).encode()
        if raw_body is not None:
            data = raw_body
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        if data is not None and "Content-Type" not in (headers or {}):
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            resp = self.opener.open(req, timeout=30)
            status, hdrs, body = resp.status, resp.headers, resp.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            status, hdrs, body = e.code, e.headers, e.read().decode("utf-8", "replace")
        self.last = (status, hdrs, body)
        return status, hdrs, body

    def get(self, path):
        return self.request("GET", path)

    def request_bytes(self, path):
        """GET with the body as bytes (downloads such as PDF): (status, headers, body)."""
        req = urllib.request.Request(self.base + path)
        try:
            resp = self.opener.open(req, timeout=60)
            return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def post(self, path, fields):
        return self.request("POST", path, fields)

    def follow(self, status, hdrs, body):
        """Follows one redirect (303) with GET."""
        if status in (301, 302, 303):
            return self.get(hdrs["Location"])
        return status, hdrs, body

    def start_open(self, survey):
        """Opens an open-link survey: (landing body, start status, start headers)."""
        _, _, landing = self.get("/s/" + survey)
        status, hdrs, _ = self.post("/s/%s/start" % survey, {"_csrf": self.csrf(landing)})
        return landing, status, hdrs

    def answer(self, page, fields):
        """Shows answering page `page` and posts `fields` with 次へ: (status, headers, body)."""
        status, _, body = self.get("/a/%d" % page)
        if status != 200:
            return status, {}, body
        data = dict(fields, _csrf=self.csrf(body), _action="next")
        return self.post("/a/%d" % page, data)

    @staticmethod
    def csrf(body):
        m = re.search(r'name="_csrf" value="([0-9a-f]+)"', body)
        return m.group(1) if m else ""
