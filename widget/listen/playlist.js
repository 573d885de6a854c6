// The playlist: the server's segments, each pointing at a DOM block (or -1 when the page lacks that text).

// The portal marks its article pages: the target or an ancestor carries data-trodoc-article="<slug>".
export function articleSlug(root) {
  const host = root.closest('[data-trodoc-article]');
  return host ? host.dataset.trodocArticle : '';
}

// `base` is the widget server's origin; audio URLs in the answer are relative to it.
export const loadPlaylist = async (base, root, blocks, lang) => {
  const slug = articleSlug(root);
  const res = await fetch(new URL(slug ? `/api/v1/articles/${encodeURIComponent(slug)}/speech` : '/api/v1/speech', base),
    slug ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lang, blocks: blocks.map((b) => b.text) }) });
  if (!res.ok) throw new Error(`speech ${res.status}`);
  const data = await res.json();
  // The portal's blocks are the stored article's; find each in the page, in order, by its text.
  let at = 0;
  const index = slug ? data.blocks.map((t) => {
    for (let i = at; i < blocks.length; i++) if (blocks[i].text === t) return (at = i + 1) - 1;
    return -1;
  }) : null;
  return data.segments.map((s) => ({ ...s, block: index ? index[s.block] : s.block, audio: new URL(s.audio, base).href }));
};
