#!/usr/bin/python3
"""presslens on a Dask cluster: a JSON Lines corpus cut into shards, `presslens batch` per shard.

  dask-batch.py --scheduler tcp://HOST:8786 --work DIR -o OUT.jsonl CORPUS.jsonl
  dask-batch.py --local 2 --work DIR -o OUT.jsonl CORPUS.jsonl     (a cluster on this machine)

CORPUS is read by every worker, so it, DIR and OUT must be on storage all hosts see at the same
path (NFS, a cluster file system). A shard is a byte range of CORPUS (--shard-lines lines); its
task pipes those lines to `presslens batch` and writes DIR/shard-NNNNNN.jsonl through a temporary
file and a rename, so a shard's output exists whole or not at all. A task whose worker dies is
run again on another worker by the scheduler; a shard already done (its file exists) is not
run again, so the same command resumes a stopped run. OUT is the shards' outputs in corpus
order, written through a temporary file and a rename: line for line what one
`presslens batch CORPUS` gives. Bad lines are reported as CORPUS:LINE on stderr (exit 1).
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shards(corpus, lines_per_shard):
    """[(first line number, byte start, byte end)] of CORPUS, each lines_per_shard lines."""
    out = []
    with open(corpus, "rb") as f:
        start, line, count, at = 0, 1, 0, 0
        for raw in f:
            at += len(raw)
            count += 1
            if count == lines_per_shard:
                out.append((line, start, at))
                start, line, count = at, line + count, 0
        if count:
            out.append((line, start, at))
    return out


def run_shard(corpus, first_line, start, end, target, presslens, jobs):
    """Runs presslens batch on corpus[start:end]; writes target. Returns (target, errors, seconds)."""
    if os.path.exists(target):
        return target, [], 0.0
    t0 = time.time()
    with open(corpus, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    tmp = f"{target}.tmp-{socket.gethostname()}-{os.getpid()}"
    with open(tmp, "wb") as out:
        proc = subprocess.run(presslens + ["batch", "--quiet", "--jobs", str(jobs)],
                              input=data, stdout=out, stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        os.unlink(tmp)
        raise RuntimeError(f"presslens batch failed on lines {first_line}+: {proc.stderr.decode(errors='replace')}")
    os.replace(tmp, target)
    # "(stdin):N: ..." of the shard is line first_line + N - 1 of the corpus.
    errors = [re.sub(r"^presslens batch: \(stdin\):(\d+):",
                     lambda m: f"presslens batch: {corpus}:{first_line + int(m.group(1)) - 1}:", line)
              for line in proc.stderr.decode(errors="replace").splitlines()]
    return target, errors, time.time() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="JSON Lines: one {\"id\", \"text\"} object per line")
    ap.add_argument("-o", "--output", required=True, help="the results, JSON Lines in corpus order")
    ap.add_argument("--work", required=True, help="a folder for the shards' outputs (shared storage)")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the address of a running dask-scheduler")
    where.add_argument("--local", type=int, metavar="N", help="start N single-threaded workers here")
    ap.add_argument("--shard-lines", type=int, default=2000, help="documents per task (default 2000)")
    ap.add_argument("--jobs", type=int, default=1, help="presslens batch --jobs within a task (default 1)")
    ap.add_argument("--presslens", default=f"node {os.path.join(REPO, 'wasm', 'cli.mjs')}",
                    help="the presslens command on the workers (default: this checkout's)")
    args = ap.parse_args()

    from distributed import Client, LocalCluster, as_completed

    corpus = os.path.abspath(args.corpus)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    parts = shards(corpus, args.shard_lines)
    targets = [os.path.join(work, f"shard-{i:06d}.jsonl") for i in range(len(parts))]
    cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, dashboard_address=None) if args.local else None
    client = Client(cluster if cluster else args.scheduler)
    t0 = time.time()
    try:
        # A task lost with its worker is run again elsewhere by the scheduler; retries are for
        # a task that raised (e.g. a host without node).
        futures = [client.submit(run_shard, corpus, line, start, end, target, args.presslens.split(), args.jobs,
                                 retries=1)
                   for (line, start, end), target in zip(parts, targets)]
        bad = 0
        for done, future in enumerate(as_completed(futures), 1):
            _, errors, _ = future.result()
            for e in errors:
                print(e, file=sys.stderr)
            bad += len(errors)
            print(f"dask-batch: {done}/{len(futures)} shards", file=sys.stderr)
    finally:
        client.close()
        if cluster:
            cluster.close()
    tmp = f"{args.output}.tmp-{os.getpid()}"
    with open(tmp, "wb") as out:
        for target in targets:
            with open(target, "rb") as f:
                while chunk := f.read(1 << 20):
                    out.write(chunk)
    os.replace(tmp, args.output)
    seconds = time.time() - t0
    size = os.path.getsize(corpus) / 1e6
    print(f"dask-batch: {len(parts)} shards, {size:.1f} MB in {seconds:.1f} s ({size / seconds:.2f} MB/s)",
          file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
