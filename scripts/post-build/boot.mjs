// Trunk's loader: the inline module script that imports the wasm-bindgen glue
// and starts the wasm. The CSP of index.html forbids inline scripts, so it
// moves into its own file, which also registers the service worker.
import { createHash } from "node:crypto";
import { matchOnce } from "./fail.mjs";

const INLINE_MODULE = /<script type="module">([\s\S]*?)<\/script>/;

/** Trunk's inline loader, as written in the staged index.html. */
export function inlineBoot(html) {
  return matchOnce(html, INLINE_MODULE, "inline module script (Trunk's loader) in index.html")[1].trim() + "\n";
}

/**
 * Only over http(s), where browsers allow service workers at all; never from
 * file://. A refusal (private mode, a host that blocks sw.js) leaves the app
 * working online, so it is only worth a warning.
 */
const REGISTER_SERVICE_WORKER = `
if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").then((registration) => {
    // A new version waits until asked: the page shows a banner (it listens
    // for "inversa-update-ready") whose button calls window.inversaUpdate.
    const announce = () => {
      if (!registration.waiting || !navigator.serviceWorker.controller) return;
      window.inversaUpdate = () => {
        navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
        registration.waiting.postMessage("inversa:activate");
      };
      window.dispatchEvent(new Event("inversa-update-ready"));
    };
    announce();
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed") announce();
      });
    });
  }).catch((error) => {
    console.warn("Inversa: offline use is unavailable here:", error);
  });
}
`;

/**
 * The loader as a file `boot-<hash>.js` and index.html pointing at it.
 * Returns `{ html, name, code }`.
 */
export function externalizeBoot(html) {
  const code = inlineBoot(html) + REGISTER_SERVICE_WORKER;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `boot-${hash}.js`;
  const script = `<script type="module" src="./${name}"></script>`;
  return { html: html.replace(INLINE_MODULE, () => script), name, code };
}
