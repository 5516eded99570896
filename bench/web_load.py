"""A bounded load on `ties serve` over 127.0.0.1: CLIENTS threads for SECONDS, a mix of API
searches and page renders, against a store of N articles (built once, or given with --db).

    python bench/web_load.py [--articles 100000] [--clients 20] [--seconds 30] [--db FILE]

Prints p50/p95 per kind of request and the errors (goal: API search p95 < 100 ms, page p95 < 200 ms,
no errors). Nothing here is pass/fail.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))

QUERIES = ["越南", "南海", "习近平 越南", "中越 贸易", "全面战略合作伙伴关系", "Biển Đông", "经济", "会谈", "合作"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--db")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        if not path:
            from run_all import build_store

            path = os.path.join(tmp, "load.db")
            t = time.perf_counter()
            build_store(path, args.articles, tmp).close()
            print(f"store of {args.articles} articles built in {time.perf_counter() - t:.0f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        ties = os.path.join(os.path.dirname(sys.executable), "ties")
        server = subprocess.Popen([ties, "serve", "--db", path, "--port", str(port), "--workers", str(args.workers)],
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/api/stats", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            ids = [a["id"] for a in httpx.get(base + "/api/articles?limit=200").json()["items"]]
            results: dict[str, list[float]] = {"api search": [], "api articles": [], "page search": [],
                                               "page article": [], "page home": []}
            errors: list[str] = []
            stop = time.perf_counter() + args.seconds

            def client(seed: int) -> None:
                rnd = random.Random(seed)
                with httpx.Client(base_url=base, timeout=10) as c:
                    while time.perf_counter() < stop:
                        kind = rnd.choice(list(results))
                        url = {"api search": f"/api/search?q={rnd.choice(QUERIES)}&limit=10",
                               "api articles": f"/api/articles?limit=20&offset={rnd.randrange(0, 1000)}",
                               "page search": f"/search?q={rnd.choice(QUERIES)}",
                               "page article": f"/articles/{rnd.choice(ids)}", "page home": "/"}[kind]
                        t = time.perf_counter()
                        try:
                            r = c.get(url)
                            if r.status_code != 200:
                                errors.append(f"{url}: {r.status_code}")
                        except httpx.HTTPError as e:
                            errors.append(f"{url}: {e}")
                        results[kind].append((time.perf_counter() - t) * 1000)

            threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(timeout=10)
        n = httpx.__name__ and args.articles
        print(f"{args.clients} clients, {args.seconds:.0f} s, store of ~{n} articles, {args.workers} server process(es), "
              f"{os.cpu_count()} cores shared with the clients:")
        for kind, lat in results.items():
            lat.sort()
            if lat:
                goal = "goal p95 < 100" if kind.startswith("api") else "goal p95 < 200"
                print(f"  {kind:<14} {len(lat):>6} requests  p50 {lat[len(lat) // 2]:7.1f} ms  "
                      f"p95 {lat[int(len(lat) * 0.95)]:7.1f} ms  ({goal})")
        print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
