#!/usr/bin/env python3
"""Rebuilds examples/crawl.warc.gz: a tiny crawl in the shape news crawls ship
(one gzip member per record; warcinfo, request, HTML responses, a redirect and an
image that are not articles). The pages are sample articles written for sitrep.

usage: python3 crates/ingest/tools/make_example_warc.py
"""
import gzip, io, os, uuid

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples")

PAGES = [
    ("https://metro.example.org/2025/11/26/dial-police-station", "2025-11-26T16:02:11Z",
     "Police repulse attack on Dera Ismail Khan station; three attackers killed",
     "2025-11-26T15:30:00+05:00",
     ["DERA ISMAIL KHAN: Police repulsed a night-time attack on a police station in the Paharpur area of Dera Ismail Khan, killing three attackers, a police spokesman said on Wednesday.",
      "Two policemen were wounded in the gunfight, which lasted about two hours, the spokesman said. The attackers used hand grenades and assault rifles and tried to breach the rear wall of the station.",
      "The Tehreek-e-Taliban Pakistan (TTP) claimed responsibility for the attack in a statement to journalists, saying its fighters had inflicted heavy losses. Police denied the claim.",
      "Dera Ismail Khan, in southern Khyber Pakhtunkhwa, has seen frequent militant attacks on police posts since the TTP ended a ceasefire with the government in 2022."]),
    ("https://metro.example.org/2025/11/27/lahore-protest", "2025-11-27T18:45:03Z",
     "One dead, dozens hurt as protesters clash with police in Lahore",
     None,
     ["LAHORE: One protester was killed and more than 30 people, including 12 policemen, were injured when police fired tear gas at demonstrators marching towards the provincial assembly in Lahore on Thursday, officials said.",
      "The protesters, supporters of an opposition party, hurled stones at police and set fire to two vehicles on Mall Road, a police official said. Police said 45 people were arrested.",
      "The party accused the Punjab government of using excessive force and said it would hold more protests across the province. The government said the police acted in self-defence."]),
]


def html_page(url, title, published, paras):
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - Metro Daily</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Metro Daily">
<link rel="canonical" href="{url}">{meta}</head>
<body><nav><a href="/">Home</a> <a href="/national">National</a> <a href="/business">Business</a></nav>
<main><article><h1>{title}</h1>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Prices of essentials rise again</a></li></ul></aside></main>
<footer>Copyright Metro Daily</footer></body></html>
""".encode("utf-8")


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    raw = head.encode() + block + b"\r\n\r\n"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(raw)
    return buf.getvalue()


def rid(n):
    return f"<urn:uuid:{uuid.UUID(int=0x5172e9 + n)}>"


def main():
    out = []
    info = b"software: sitrep make_example_warc.py\r\nformat: WARC File Format 1.0\r\n"
    out.append(record([("WARC-Type", "warcinfo"), ("WARC-Date", "2025-11-27T19:00:00Z"), ("WARC-Record-ID", rid(0)),
                       ("Content-Type", "application/warc-fields")], info))
    n = 1
    for url, date, title, published, paras in PAGES:
        req = f"GET {url.split('example.org', 1)[1]} HTTP/1.1\r\nHost: metro.example.org\r\n\r\n".encode()
        out.append(record([("WARC-Type", "request"), ("WARC-Target-URI", url), ("WARC-Date", date),
                           ("WARC-Record-ID", rid(n)), ("Content-Type", "application/http; msgtype=request")], req))
        n += 1
        page = html_page(url, title, published, paras)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + f"Content-Length: {len(page)}\r\n\r\n".encode() + page
        out.append(record([("WARC-Type", "response"), ("WARC-Target-URI", url), ("WARC-Date", date),
                           ("WARC-Record-ID", rid(n)), ("Content-Type", "application/http; msgtype=response")], http))
        n += 1
    redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://metro.example.org/\r\n\r\n"
    out.append(record([("WARC-Type", "response"), ("WARC-Target-URI", "http://metro.example.org/"), ("WARC-Date", "2025-11-27T19:01:00Z"),
                       ("WARC-Record-ID", rid(n)), ("Content-Type", "application/http; msgtype=response")], redirect))
    n += 1
    png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n" + bytes(range(64))
    out.append(record([("WARC-Type", "response"), ("WARC-Target-URI", "https://metro.example.org/logo.png"), ("WARC-Date", "2025-11-27T19:01:05Z"),
                       ("WARC-Record-ID", rid(n)), ("Content-Type", "application/http; msgtype=response")], png))
    with open(os.path.join(HERE, "crawl.warc.gz"), "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
