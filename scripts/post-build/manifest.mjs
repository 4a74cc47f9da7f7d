// manifest.webmanifest: what a browser needs to offer installing Inversa as
// an app. Colours come from the stylesheet and the description from
// index.html, so each has a single source.
import { matchOnce, require } from "./fail.mjs";

/** A custom property's colour (`--name: #rrggbb;`) in the built stylesheet. */
export function cssColour(css, name) {
  const pattern = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`);
  return matchOnce(css, pattern, `--${name} colour in the stylesheet`)[1].toLowerCase();
}

/** Text of an HTML attribute value (the few entities an author would write). */
function unescapeAttribute(value) {
  const entities = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", "#39": "'" };
  return value.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name) => entities[name]);
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes, file) {
  const signature = "89504e470d0a1a0a";
  require(bytes.subarray(0, 8).toString("hex") === signature, `${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * One manifest entry per icon file: PNGs with their real size, SVGs for any
 * size; a name containing "maskable" marks the full-bleed variant.
 * `icons` is a list of `{ path, bytes }`.
 */
export function iconEntries(icons) {
  const entries = icons.map(({ path, bytes }) => {
    const purpose = path.includes("maskable") ? "maskable" : "any";
    if (path.endsWith(".svg")) return { src: path, sizes: "any", type: "image/svg+xml", purpose };
    require(path.endsWith(".png"), `manifest: icons must be PNG or SVG, not ${path}`);
    const [width, height] = pngSize(bytes, path);
    require(width === height, `manifest: ${path} is not square (${width}×${height})`);
    return { src: path, sizes: `${width}x${height}`, type: "image/png", purpose };
  });
  // Chrome offers installing only with a PNG of at least 144 px.
  require(entries.some((e) => e.type === "image/png" && e.purpose === "any" && parseInt(e.sizes, 10) >= 144),
    "manifest: a PNG icon of at least 144×144 px is needed to make the app installable");
  return entries.sort((a, b) => a.src.localeCompare(b.src));
}

/**
 * The manifest's JSON text for the staged `html`, stylesheet `css` and icons.
 * Also checks index.html links it and announces the same theme colour.
 */
export function webManifest(html, css, icons) {
  const theme = cssColour(css, "brand-dark");
  const background = cssColour(css, "canvas");
  matchOnce(html, /<link rel="manifest" href="manifest\.webmanifest">/, "manifest link in index.html");
  const meta = matchOnce(html, /<meta name="theme-color" content="([^"]*)">/, `<meta name="theme-color"> in index.html`)[1];
  require(meta.toLowerCase() === theme,
    `index.html's theme-color ${meta} differs from --brand-dark ${theme} in the stylesheet: make them the same`);
  const description = unescapeAttribute(
    matchOnce(html, /<meta name="description" content="([^"]*)">/, "description meta in index.html")[1],
  );
  const manifest = {
    name: "Inversa",
    short_name: "Inversa",
    description,
    lang: "en",
    dir: "ltr",
    start_url: "./",
    scope: "./",
    display: "standalone",
    background_color: background,
    theme_color: theme,
    icons: iconEntries(icons),
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}
