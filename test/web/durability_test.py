#!/usr/bin/env python3
"""Durability: acknowledged answers survive SIGKILL.

A load generator (8 threads) answers seed 000's questionnaire and submits, again and again, each
respondent with a unique free-text answer. After a few seconds the server is killed with SIGKILL.
It is restarted on the same database, and then:
- every submission acknowledged with "303 → /a/done" shows as received, with its unique text;
- every page acknowledged with a 303 shows its saved answer again (same browser session);
- SQLite's integrity check passes.
"""
import os
import sqlite3
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chosa_server import Browser, Server  # noqa: E402
from web_test import PATH_A, SURVEY  # noqa: E402


class Respondent:
    def __init__(self, name):
        self.name = name
        self.browser = None
        self.saved_page = 0      # last page acknowledged
        self.submitted = False   # submission acknowledged


def run_one(base, r, stop):
    b = Browser(base)
    r.browser = b
    status, _, body = b.get("/s/" + SURVEY)
    status, hdrs, _ = b.post("/s/%s/start" % SURVEY, {"_csrf": b.csrf(body)})
    if status != 303:
        return
    for page in range(1, 9):
        if stop.is_set():
            return
        status, _, body = b.get("/a/%d" % page)
        fields = dict(PATH_A[page])
        if page == 8:
            fields["Q35"] = r.name
        fields["_csrf"] = b.csrf(body)
        fields["_action"] = "next"
        status, _, _ = b.post("/a/%d" % page, fields)
        if status != 303:
            return
        r.saved_page = page
    status, _, review = b.get("/a/review")
    status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
    if status == 303 and hdrs["Location"] == "/a/done":
        r.submitted = True


class DurabilityTest(unittest.TestCase):
    def test_acknowledged_answers_survive_sigkill(self):
        server = Server("-q", SURVEY, "--open-link")
        respondents = []
        stop = threading.Event()
        lock = threading.Lock()

        def worker(index):
            n = 0
            while not stop.is_set():
                r = Respondent("durability-%d-%d" % (index, n))
                with lock:
                    respondents.append(r)
                try:
                    run_one(server.base, r, stop)
                except Exception:  # connection refused or reset after the kill: not acknowledged
                    return
                n += 1

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        deadline = time.time() + 60
        while time.time() < deadline and sum(r.submitted for r in respondents) < 20:
            time.sleep(0.2)
        server.kill()  # in the middle of the load
        stop.set()
        for t in threads:
            t.join(timeout=60)
        submitted = [r for r in respondents if r.submitted]
        partial = [r for r in respondents if not r.submitted and r.saved_page > 0]
        self.assertGreaterEqual(len(submitted), 20)

        con = sqlite3.connect(server.db)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        con.close()

        restarted = Server("-q", SURVEY, "--open-link", db=server.db)
        try:
            for r in submitted:
                r.browser.base = restarted.base
                status, _, body = r.browser.get("/a/copy")
                self.assertEqual(status, 200, r.name)
                self.assertIn(r.name, body)
                self.assertIn("受付日時", body)
            for r in partial:
                r.browser.base = restarted.base
                page = r.saved_page
                status, _, body = r.browser.get("/a/%d" % page)
                if status == 303:  # the last saved page led to the review
                    continue
                self.assertEqual(status, 200, r.name)
                key, value = next(iter(PATH_A[page].items()))
                if isinstance(value, list):
                    value = value[0]
                self.assertRegex(body, r'name="%s" value="%s"( checked|)' % (key, value))
            con = sqlite3.connect(server.db)
            complete = con.execute("SELECT COUNT(*) FROM responses WHERE status = 'complete'").fetchone()[0]
            con.close()
            self.assertGreaterEqual(complete, len(submitted))
            print("\nacknowledged submissions: %d, partially saved respondents: %d, complete rows: %d"
                  % (len(submitted), len(partial), complete))
        finally:
            self.assertEqual(restarted.stop(), 0)


if __name__ == "__main__":
    unittest.main()
