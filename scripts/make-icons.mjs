// Renders assets/icons/icon.svg into the PNG icons the web app manifest lists
// (Chrome wants a PNG of at least 144 px to offer installing). Run it after
// editing the SVG and commit the PNGs: the build itself needs no browser.
//   node scripts/make-icons.mjs
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const icons = join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "icons");
const svg = readFileSync(join(icons, "icon.svg"), "utf8");
const background = svg.match(/<rect[^>]*fill="(#[0-9a-fA-F]{6})"/)?.[1];
if (!background) throw new Error("make-icons: icon.svg has no <rect fill=\"#rrggbb\"> background");

// A maskable icon is cropped to a circle or squircle by the platform: the
// same drawing on a full-bleed square (its arrows already sit inside the
// central safe zone, a circle of 40% radius).
const outputs = [
  { file: "icon-192.png", size: 192, fill: "transparent" },
  { file: "icon-512.png", size: 512, fill: "transparent" },
  { file: "icon-maskable-512.png", size: 512, fill: background },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const { file, size, fill } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<body style="margin:0;background:${fill}">${sized}</body>`,
    );
    writeFileSync(join(icons, file), await page.screenshot({ omitBackground: fill === "transparent" }));
    await page.close();
    console.log(`make-icons: wrote assets/icons/${file}`);
  }
} finally {
  await browser.close();
}
