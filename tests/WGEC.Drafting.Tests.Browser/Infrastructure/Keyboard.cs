namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>Moving focus as a person with no mouse does: one Tab (or Shift+Tab) at a time, never a click.</summary>
public static class Keyboard
{
    /// <summary>More stops than any page of ours has: beyond this, focus is trapped or the target cannot be reached.</summary>
    private const int MaxStops = 200;

    /// <summary>Says where focus is: "body", or the element with what names it (id, data-action, paragraph id, text).</summary>
    private const string Describe = """
        selector => {
          const a = document.activeElement;
          if (a && a.matches(selector)) return "";
          if (!a || a === document.body) return "body";
          const name = a.tagName.toLowerCase() + (a.id ? "#" + a.id : "")
            + (a.dataset.action ? `[data-action=${a.dataset.action}]` : "")
            + (a.dataset.paragraphId ? `[data-paragraph-id=${a.dataset.paragraphId}]` : "");
          const text = (a.getAttribute("aria-label") || a.textContent || "").trim().slice(0, 30);
          return text ? `${name} "${text}"` : name;
        }
        """;

    /// <summary>
    /// Presses Tab (Shift+Tab with <paramref name="backwards"/>) until the focused element matches
    /// <paramref name="selector"/>; fails with the stops it went through when it never does.
    /// </summary>
    public static async Task TabToAsync(this Screen screen, string selector, bool backwards = false)
    {
        var stops = new List<string>();
        for (var i = 0; i < MaxStops; i++)
        {
            await screen.Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var at = await screen.Page.EvaluateAsync<string>(Describe, selector);
            if (at.Length == 0)
                return;
            stops.Add(at);
        }
        var path = await screen.ScreenshotAsync(screen.Name + "-tab-lost");
        Assert.Fail($"{(backwards ? "Shift+Tab" : "Tab")} never reached {selector} in {MaxStops} stops ({path}); the last were:\n  " +
            string.Join("\n  ", stops.TakeLast(25)));
    }

    /// <summary>Where focus is now, described as in <see cref="TabToAsync"/>.</summary>
    public static Task<string> FocusedAsync(this Screen screen) => screen.Page.EvaluateAsync<string>(Describe, ":not(*)");
}
