/**
 * The one stylesheet of the web UI (served at `/static/style.css` with a long cache header and a
 * content-hash query, written as a file by the static export). Chinese typography: the system
 * CJK font stack, 1.8 line height, a measure of about 38 characters on a phone.
 */
import { createHash } from 'node:crypto';

/** The stylesheet. */
export const STYLE_CSS = `:root{--fg:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#fff;--accent:#b4232a;--ins:#dafbe1;--del:#ffebe9;--mark:#fff3b0}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--bg:#0d1117;--accent:#ff7b72;--ins:#1f4a2c;--del:#5a1e1e;--mark:#5c4a00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;font-size:17px;line-height:1.8;word-break:break-word;overflow-wrap:anywhere}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.site,main,footer.site{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;font-size:1.2rem;color:var(--fg)}
header.site nav{display:flex;gap:1rem}
form.search{display:flex;gap:.5rem;flex:1 1 14rem}
form.search input[type=search]{flex:1;min-width:0;font:inherit;padding:.3rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
form.search button,form.filters button{font:inherit;padding:.3rem .8rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
h1{font-size:1.5rem;line-height:1.4;margin:1.2rem 0 .5rem}h2{font-size:1.2rem;line-height:1.4;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
.meta,.muted{color:var(--muted);font-size:.9rem}
ol.river,ul.list{list-style:none;padding:0;margin:0}
ol.river li,ul.list li{padding:.7rem 0;border-bottom:1px solid var(--line)}
ol.river .title,ul.list .title{font-size:1.05rem;font-weight:600;line-height:1.5}
.count{display:inline-block;min-width:1.6em;padding:0 .35em;border-radius:1em;background:var(--line);color:var(--fg);text-align:center;font-size:.8rem}
article.body p{margin:.8em 0;text-align:justify}
article.body img{max-width:100%;height:auto}
article.body table{border-collapse:collapse;display:block;overflow-x:auto}
article.body td,article.body th{border:1px solid var(--line);padding:.2rem .4rem}
blockquote{margin:.8em 0;padding-left:1em;border-left:3px solid var(--line);color:var(--muted)}
section.version{border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;margin:.8rem 0}
section.version.representative{border-color:var(--accent)}
.diff p{margin:.5em 0}
ins{background:var(--ins);text-decoration:none}del{background:var(--del);text-decoration:line-through}
.para-lacks{background:var(--del);padding:.2rem .4rem;border-radius:4px}.para-adds{background:var(--ins);padding:.2rem .4rem;border-radius:4px}
mark{background:var(--mark);color:inherit}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}dl.provenance dt{color:var(--muted)}dl.provenance dd{margin:0}
ol.chain{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0}ol.chain li+li::before{content:"→ ";color:var(--muted)}
.facets{display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.9rem}
nav.pager{display:flex;justify-content:space-between;margin:1rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.9rem;margin:.5rem 0}
form.filters input{font:inherit;padding:.2rem .4rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
table.sources{width:100%;border-collapse:collapse;font-size:.9rem;display:block;overflow-x:auto}table.sources th,table.sources td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;white-space:nowrap}
.bad{color:var(--accent)}.ok{color:#1a7f37}
section.facts-panel{border-top:1px solid var(--line);margin-top:1.5rem}
table.facts{width:100%;border-collapse:collapse;font-size:.9rem;display:block;overflow-x:auto}table.facts th,table.facts td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
mark.facts-conflict,tr.facts-conflict td:first-child,tr.target-missed td:first-child{color:var(--accent);font-weight:600}
tr.facts-partial td:first-child,tr.target-pending td:first-child{color:var(--muted)}
tr.facts-agreement td:first-child,tr.target-met td:first-child{color:#1a7f37}
svg.facts-chart{max-width:100%;height:auto;color:var(--fg)}
footer.site{margin-top:2rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media (max-width:480px){body{font-size:16px}h1{font-size:1.3rem}}
`;

/** First 10 hex digits of the stylesheet's SHA-1: changes exactly when the stylesheet changes. */
export const STYLE_CSS_HASH = createHash('sha1').update(STYLE_CSS).digest('hex').slice(0, 10);
