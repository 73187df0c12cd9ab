// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Small bar charts drawn as inline SVG on the server: no script, no front-end framework, no external request.</summary>
internal static class DashboardChart
{
    /// <summary>
    /// Appends an SVG bar chart of <paramref name="values"/> (one bar per minute, oldest first). With <paramref name="highlights"/>
    /// (errors), that part of each bar is drawn in the highlight colour on top. Each bar has a <c>title</c> (the tooltip) and
    /// the chart a <c>data-total</c> and an accessible label.
    /// </summary>
    public static void AppendBars(
        StringBuilder html,
        string id,
        string label,
        IReadOnlyList<double> values,
        IReadOnlyList<double>? highlights,
        Func<double, string> format,
        IReadOnlyList<DateTimeOffset> starts,
        int width,
        int height)
    {
        var max = 0d;
        var total = 0d;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
            total += v;
        }

        var encoder = HtmlEncoder.Default;
        var ci = CultureInfo.InvariantCulture;
        html.Append(ci, $"<svg id=\"{encoder.Encode(id)}\" class=\"chart\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
            .Append(ci, $"data-total=\"{encoder.Encode(format(total))}\" data-bars=\"{values.Count}\" aria-label=\"{encoder.Encode(label)}: {encoder.Encode(format(total))}\">");
        html.Append(ci, $"<line x1=\"0\" y1=\"{height - 0.5}\" x2=\"{width}\" y2=\"{height - 0.5}\" class=\"axis\"/>");
        if (values.Count > 0)
        {
            var slot = (double)width / values.Count;
            var barWidth = Math.Max(1d, slot - 1d);
            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                if (v <= 0)
                {
                    continue;
                }

                var h = max <= 0 ? 0 : Math.Max(1d, v / max * (height - 2));
                var x = i * slot;
                var when = i < starts.Count ? starts[i].UtcDateTime.ToString("HH:mm", ci) + " UTC" : string.Empty;
                html.Append(ci, $"<rect class=\"bar\" x=\"{x:0.##}\" y=\"{height - 1 - h:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\">")
                    .Append("<title>").Append(encoder.Encode(when)).Append(": ").Append(encoder.Encode(format(v)));
                var hv = highlights is not null && i < highlights.Count ? highlights[i] : 0;
                if (hv > 0)
                {
                    html.Append(" (").Append(encoder.Encode(format(hv))).Append(" errors)");
                }

                html.Append("</title></rect>");
                if (hv > 0)
                {
                    var eh = Math.Max(1d, hv / max * (height - 2));
                    html.Append(ci, $"<rect class=\"bar error\" x=\"{x:0.##}\" y=\"{height - 1 - eh:0.##}\" width=\"{barWidth:0.##}\" height=\"{eh:0.##}\"/>");
                }
            }
        }

        html.Append("</svg>");
    }
}
