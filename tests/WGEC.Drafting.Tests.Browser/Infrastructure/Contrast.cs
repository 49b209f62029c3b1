using System.Globalization;
using System.Text.Json;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// WCAG 2.x AA text contrast (1.4.3), measured in the page as it is drawn: for every element with a
/// visible text node of its own (and every form control showing a value), its computed colour against
/// the colour actually behind it — the backgrounds of its ancestors composited over white, alpha and
/// opacity included — must reach 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
/// </summary>
public static class Contrast
{
    /// <summary>
    /// Left out, as WCAG leaves them out: text that is not drawn (hidden, in a closed disclosure, or
    /// visually hidden for screen readers by a 1px clip) and the text of disabled controls.
    /// Background images are not measured; no text of ours sits on one.
    /// </summary>
    private const string Audit = """
        ({ within, expected }) => {
          const scope = within ? document.querySelector(within) : document.body;
          if (!scope) return { checked: 0, failures: [], missing: [within] };
          const parse = (value) => {
            let m = /^rgba?\(([^)]*)\)$/.exec(value.trim());
            if (m) {
              const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
              return p.length >= 3 && !p.some(isNaN) ? { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 } : null;
            }
            m = /^color\(srgb ([^)]*)\)$/.exec(value.trim());
            if (m) {
              const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
              return p.length >= 3 && !p.some(isNaN) ? { r: p[0] * 255, g: p[1] * 255, b: p[2] * 255, a: p.length > 3 ? p[3] : 1 } : null;
            }
            return null;
          };
          const none = { r: 0, g: 0, b: 0, a: 0 };
          const white = { r: 255, g: 255, b: 255, a: 1 };
          const mix = (top, bottom, a) => ({ r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 });
          const over = (top, bottom) => mix(top, bottom, top.a);
          const linear = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          const luminance = (c) => 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
          const ratioOf = (x, y) => { const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
          const hex = (c) => "#" + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

          // What chain[i] (an ancestor, chain[0] the element) paints over `backdrop`: its background, then
          // what lies inside it down to the text (when `text` is given), the whole faded by its opacity.
          const paint = (chain, i, backdrop, text) => {
            const style = getComputedStyle(chain[i]);
            let inner = over(parse(style.backgroundColor) ?? none, backdrop);
            inner = i > 0 ? paint(chain, i - 1, inner, text) : text ? over(text, inner) : inner;
            const opacity = parseFloat(style.opacity);
            return opacity < 1 ? mix(inner, backdrop, opacity) : inner;
          };
          const visuallyHidden = (el) => {
            for (let at = el; at; at = at.parentElement) {
              const s = getComputedStyle(at);
              const box = at.getBoundingClientRect();
              if ((box.width <= 1 || box.height <= 1) && (s.clipPath !== "none" || s.clip !== "auto" || s.overflow !== "visible")) return true;
            }
            return false;
          };
          const drawn = (node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
          };
          const control = (el) => el.matches("textarea, select, input:not([type=hidden], [type=range], [type=checkbox], [type=radio], [type=file], [type=color])");
          const shownText = (el) => {
            if (control(el)) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) return "";
              return (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent ?? "" : el.value).trim();
            }
            return [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.data.trim() && drawn(n)).map((n) => n.data.trim()).join(" ");
          };
          const name = (el) => {
            let s = el.tagName.toLowerCase();
            if (el.id) return s + "#" + el.id;
            if (typeof el.className === "string" && el.className.trim()) s += "." + el.className.trim().split(/\s+/).slice(0, 3).join(".");
            for (const key of ["action", "status", "choice", "paragraphId"]) {
              if (el.dataset?.[key]) s += `[data-${key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}="${el.dataset[key]}"]`;
            }
            return s;
          };
          const path = (el) => {
            const parts = [];
            for (let at = el; at && at !== document.body && parts.length < 4; at = at.parentElement) {
              parts.unshift(name(at));
              if (at.id) break;
            }
            return parts.join(" > ");
          };

          const measured = [];
          const failures = [];
          for (const el of [scope, ...scope.querySelectorAll("*")]) {
            if (el.closest("head, script, style, noscript, template, title, desc")) continue;
            const text = shownText(el);
            if (!text) continue;
            if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || visuallyHidden(el)) continue;
            if (el.closest(":disabled")) continue;
            const style = getComputedStyle(el);
            // SVG text is drawn in its fill; everything else in its colour.
            const colourValue = el instanceof SVGElement ? style.fill : style.color;
            const colour = parse(colourValue);
            const chain = [];
            for (let at = el; at; at = at.parentElement) chain.push(at);
            const size = parseFloat(style.fontSize);
            const bold = parseInt(style.fontWeight, 10) >= 700;
            const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            measured.push(el);
            if (!colour) {
              failures.push({ selector: path(el), text: text.slice(0, 60), color: colourValue, background: "?", ratio: 0, required, font: `${size}px ${style.fontWeight}` });
              continue;
            }
            const back = paint(chain, chain.length - 1, white, null);
            const front = paint(chain, chain.length - 1, white, colour);
            const ratio = ratioOf(front, back);
            if (ratio < required) {
              failures.push({ selector: path(el), text: text.slice(0, 60), color: `${colourValue} (drawn ${hex(front)})`, background: hex(back), ratio, required, font: `${size}px ${style.fontWeight}` });
            }
          }
          const missing = (expected ?? []).filter((selector) => !measured.some((el) => el.closest(selector) !== null));
          return { checked: measured.length, failures, missing };
        }
        """;

    /// <summary>
    /// Saves a screenshot named after <paramref name="view"/>, measures every text on it (or within
    /// <paramref name="within"/>), and fails listing each text below AA with its selector, colours and ratio.
    /// Each selector of <paramref name="expected"/> must match some text measured, or an element around it, so that the view
    /// checked is the one meant (a bracket, a badge, a chip) and not an empty page.
    /// </summary>
    public static async Task AssertAaContrastAsync(this Screen screen, string view, string? within = null, params string[] expected)
    {
        // A full-page screenshot of a scrolled page draws the sticky header over the text it scrolled past.
        await screen.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = await screen.ScreenshotAsync("contrast-" + view);
        var result = await screen.Page.EvaluateAsync<JsonElement>(Audit, new { within, expected });
        var measured = result.GetProperty("checked").GetInt32();
        var missing = result.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        var failures = result.GetProperty("failures").EnumerateArray().Select(f => string.Format(CultureInfo.InvariantCulture,
            "{0:0.00}:1 < {1}:1  {2}  \"{3}\"  text {4} on {5}  ({6})",
            f.GetProperty("ratio").GetDouble(), f.GetProperty("required").GetDouble(), f.GetProperty("selector").GetString(),
            f.GetProperty("text").GetString(), f.GetProperty("color").GetString(), f.GetProperty("background").GetString(),
            f.GetProperty("font").GetString())).ToList();
        Assert.True(missing.Count == 0, $"{view}: nothing measured matches {string.Join(", ", missing)} ({path})");
        Assert.True(failures.Count == 0,
            $"{view}: {failures.Count} of {measured} texts are below WCAG AA contrast ({path}):\n  " + string.Join("\n  ", failures.Take(40)));
    }
}
