// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Renders the dashboard as one self-contained HTML page: inline CSS, server-drawn SVG charts, no script, reloaded by a
/// <c>meta refresh</c>. Every value that came from configuration, a vendor or a caller (provider and model ids, budget names,
/// reasons) is HTML-encoded. Keys, prompts and answers are never on it.
/// </summary>
internal static class DashboardPage
{
    private const string Css = """
        :root{color-scheme:light dark;--fg:#1d2330;--muted:#5f6b7a;--bg:#f6f7f9;--card:#fff;--line:#d9dee5;--bar:#3b82f6;--err:#dc2626;--ok:#15803d;--warn:#b45309}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#9aa5b4;--bg:#12161c;--card:#1b212a;--line:#2c3440}}
        *{box-sizing:border-box}body{margin:0;padding:16px 20px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:20px;margin:0 0 2px}h2{font-size:16px;margin:22px 0 8px}.muted{color:var(--muted)}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:12px}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:190px}
        .card .v{font-size:22px;font-weight:600}.card .l{color:var(--muted);font-size:12px}
        .charts{display:flex;flex-wrap:wrap;gap:10px}.charts figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
        figcaption{font-size:12px;color:var(--muted);margin-bottom:4px}
        table{border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;min-width:60%}
        th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}th{font-size:12px;color:var(--muted);font-weight:600}
        td.t,th.t{text-align:left}.chart .bar{fill:var(--bar)}.chart .bar.error{fill:var(--err)}.chart .axis{stroke:var(--line)}
        .state{padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}.state.ok{background:#dcfce7;color:var(--ok)}.state.warn{background:#fef3c7;color:var(--warn)}.state.bad{background:#fee2e2;color:var(--err)}
        .meter{display:inline-block;width:90px;height:8px;background:var(--line);border-radius:4px;vertical-align:middle;overflow:hidden}.meter>span{display:block;height:100%;background:var(--bar)}.meter>span.over{background:var(--err)}
        """;

    /// <summary>Renders the page.</summary>
    public static string Render(DashboardData data)
    {
        var ci = CultureInfo.InvariantCulture;
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append(ci, $"<meta http-equiv=\"refresh\" content=\"{data.RefreshSeconds}\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>AssistantProviders gateway</title><style>").Append(Css).Append("</style></head><body>");

        var hour = data.LastHour;
        long hourRequests = 0, hourErrors = 0, hourTokens = 0;
        decimal hourCost = 0m;
        foreach (var minute in hour)
        {
            foreach (var row in minute.Rows)
            {
                hourRequests += row.Requests;
                hourErrors += row.Errors;
                hourTokens += row.InputTokens + row.OutputTokens;
                hourCost += row.Cost;
            }
        }

        html.Append("<header><h1>AssistantProviders gateway</h1>")
            .Append(ci, $"<div class=\"muted\" id=\"taken-at\" data-taken-at=\"{data.TakenAt.UtcDateTime:O}\">Updated {data.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; refreshes every {data.RefreshSeconds} s.</div>")
            .Append("<div class=\"cards\">");
        Card(html, "requests-hour", "Requests, last hour", hourRequests.ToString("N0", ci));
        Card(html, "errors-hour", "Errors, last hour", hourErrors.ToString("N0", ci));
        Card(html, "cost-hour", "Cost, last hour", Money(hourCost));
        Card(html, "tokens-hour", "Tokens, last hour", hourTokens.ToString("N0", ci));
        Card(html, "requests-total", "Requests since start", data.AllTime.TotalRequests.ToString("N0", ci));
        Card(html, "cost-total", "Cost since start", Money(data.AllTime.TotalCost));
        html.Append("</div></header>");

        AppendCharts(html, hour);
        AppendUsage(html, data);
        AppendBudgets(html, data);
        AppendRoutes(html, data);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendCharts(StringBuilder html, IReadOnlyList<UsageSnapshot> hour)
    {
        var starts = Starts(hour);
        var requests = new double[hour.Count];
        var errors = new double[hour.Count];
        var cost = new double[hour.Count];
        var tokens = new double[hour.Count];
        for (var i = 0; i < hour.Count; i++)
        {
            foreach (var row in hour[i].Rows)
            {
                requests[i] += row.Requests;
                errors[i] += row.Errors;
                cost[i] += (double)row.Cost;
                tokens[i] += row.InputTokens + row.OutputTokens;
            }
        }

        html.Append("<section><h2>Last hour, per minute</h2><div class=\"charts\">");
        Figure(html, "chart-requests", "Requests (errors in red)", requests, errors, Count, starts);
        Figure(html, "chart-cost", "Cost (USD)", cost, null, v => Money((decimal)v), starts);
        Figure(html, "chart-tokens", "Tokens (input + output)", tokens, null, Count, starts);
        html.Append("</div></section>");
    }

    private static void AppendUsage(StringBuilder html, DashboardData data)
    {
        var e = HtmlEncoder.Default;
        var ci = CultureInfo.InvariantCulture;
        html.Append("<section><h2>Providers and models</h2>")
            .Append("<p class=\"muted\">Since the gateway started; latency percentiles over the last 1,024 attempts of each model; the chart is requests per minute over the last hour.</p>");
        if (data.AllTime.Rows.Count == 0)
        {
            html.Append("<p id=\"usage-empty\">No requests yet.</p></section>");
            return;
        }

        html.Append("<table id=\"usage\"><thead><tr><th class=\"t\">Provider</th><th class=\"t\">Model</th><th>Requests</th><th>Errors</th><th>Error rate</th>")
            .Append("<th>p50</th><th>p95</th><th>TTFT p50</th><th>Input tokens</th><th>Output tokens</th><th>Cost</th><th class=\"t\">Last hour</th></tr></thead><tbody>");
        var starts = Starts(data.LastHour);

        // Each model's requests and errors per minute, read in one pass over the hour (not once per table row).
        var series = new Dictionary<(string Provider, string Model), (double[] Requests, double[] Errors)>();
        for (var i = 0; i < data.LastHour.Count; i++)
        {
            foreach (var m in data.LastHour[i].Rows)
            {
                if (!series.TryGetValue((m.ProviderId, m.ModelId), out var s))
                {
                    s = (new double[data.LastHour.Count], new double[data.LastHour.Count]);
                    series[(m.ProviderId, m.ModelId)] = s;
                }

                s.Requests[i] += m.Requests;
                s.Errors[i] += m.Errors;
            }
        }

        foreach (var row in data.AllTime.Rows)
        {
            var (perMinute, errorsPerMinute) = series.TryGetValue((row.ProviderId, row.ModelId), out var found)
                ? found
                : (new double[data.LastHour.Count], new double[data.LastHour.Count]);

            html.Append("<tr data-provider=\"").Append(e.Encode(row.ProviderId)).Append("\" data-model=\"").Append(e.Encode(row.ModelId)).Append("\">")
                .Append("<td class=\"t\">").Append(e.Encode(row.ProviderId)).Append("</td><td class=\"t\">").Append(e.Encode(row.ModelId)).Append("</td>")
                .Append(ci, $"<td class=\"requests\">{row.Requests.ToString("N0", ci)}</td><td class=\"errors\">{row.Errors.ToString("N0", ci)}</td><td>{row.ErrorRate.ToString("P1", ci)}</td>")
                .Append(ci, $"<td class=\"p50\">{Ms(row.P50Latency)}</td><td class=\"p95\">{Ms(row.P95Latency)}</td><td class=\"ttft\">{Ms(row.P50TimeToFirstToken)}</td>")
                .Append(ci, $"<td>{row.InputTokens.ToString("N0", ci)}</td><td>{row.OutputTokens.ToString("N0", ci)}</td><td class=\"cost\">{Money(row.Cost)}{(row.UnpricedRequests > 0 ? " +" + row.UnpricedRequests.ToString(ci) + " unpriced" : string.Empty)}</td>")
                .Append("<td class=\"t\">");
            DashboardChart.AppendBars(html, "spark-" + row.ProviderId + "-" + row.ModelId, "Requests per minute of " + row.ProviderId + "/" + row.ModelId, perMinute, errorsPerMinute, Count, starts, 120, 22);
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendBudgets(StringBuilder html, DashboardData data)
    {
        var e = HtmlEncoder.Default;
        var ci = CultureInfo.InvariantCulture;
        html.Append("<section><h2>Budgets</h2>");
        if (data.Budgets.Count == 0)
        {
            html.Append("<p id=\"budgets-empty\" class=\"muted\">No budgets configured (AssistantProviders:Budgets).</p></section>");
            return;
        }

        html.Append("<table id=\"budgets\"><thead><tr><th class=\"t\">Budget</th><th class=\"t\">Period</th><th>Spent</th><th>Reserved</th><th>Limit</th><th>Remaining</th><th class=\"t\">Used</th><th class=\"t\">Resets</th></tr></thead><tbody>");
        foreach (var b in data.Budgets)
        {
            var used = b.Limit <= 0 ? 1d : (double)((b.Spent + b.Reserved) / b.Limit);
            var width = Math.Clamp(used, 0d, 1d) * 100d;
            html.Append("<tr data-budget=\"").Append(e.Encode(b.Name)).Append("\"><td class=\"t\">").Append(e.Encode(b.Name)).Append("</td>")
                .Append(ci, $"<td class=\"t\">{b.Period}</td><td class=\"spent\">{Money(b.Spent)}</td><td>{Money(b.Reserved)}</td><td class=\"limit\">{Money(b.Limit)}</td><td class=\"remaining\">{Money(b.Remaining)}</td>")
                .Append(ci, $"<td class=\"t\"><span class=\"meter\" title=\"{used.ToString("P0", ci)}\"><span{(used >= 1 ? " class=\"over\"" : string.Empty)} style=\"width:{width:0.#}%\"></span></span> {used.ToString("P0", ci)}</td>")
                .Append(ci, $"<td class=\"t\">{b.ResetsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendRoutes(StringBuilder html, DashboardData data)
    {
        var e = HtmlEncoder.Default;
        var ci = CultureInfo.InvariantCulture;
        html.Append("<section><h2>Routes and breakers</h2>");
        if (data.Routes.Count == 0)
        {
            html.Append("<p id=\"routes-empty\" class=\"muted\">No route used yet.</p></section>");
            return;
        }

        html.Append("<table id=\"routes\"><thead><tr><th class=\"t\">Operation</th><th class=\"t\">Provider</th><th class=\"t\">Model</th><th class=\"t\">State</th><th class=\"t\">Cooldown until</th>")
            .Append("<th>Avg latency</th><th>Avg TTFT</th><th>Error rate</th><th>In flight</th><th>Calls</th></tr></thead><tbody>");
        foreach (var r in data.Routes.OrderBy(r => r.Operation, StringComparer.Ordinal).ThenBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal))
        {
            var (state, css) = State(r, data.TakenAt);
            html.Append("<tr data-operation=\"").Append(e.Encode(r.Operation)).Append("\" data-provider=\"").Append(e.Encode(r.Provider)).Append("\" data-state=\"").Append(state).Append("\">")
                .Append("<td class=\"t\">").Append(e.Encode(r.Operation)).Append("</td><td class=\"t\">").Append(e.Encode(r.Provider)).Append("</td><td class=\"t\">").Append(e.Encode(r.Model ?? "(default)")).Append("</td>")
                .Append("<td class=\"t\"><span class=\"state ").Append(css).Append('"');
            if (r.DisabledReason is { } reason)
            {
                html.Append(" title=\"").Append(e.Encode(reason)).Append('"');
            }

            html.Append('>').Append(state).Append("</span></td>")
                .Append(ci, $"<td class=\"t\">{(r.CooldownUntil is { } until && until > data.TakenAt ? until.UtcDateTime.ToString("HH:mm:ss", ci) + " UTC" : "-")}</td>")
                .Append(ci, $"<td>{Ms(r.AverageLatency)}</td><td>{Ms(r.AverageTimeToFirstToken)}</td><td>{r.ErrorRate.ToString("P1", ci)}</td><td>{r.InFlight.ToString(ci)}</td><td>{r.Calls.ToString("N0", ci)}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static (string State, string Css) State(RouteHealth r, DateTimeOffset now)
    {
        if (r.DisabledReason is not null)
        {
            return ("disabled", "bad");
        }

        return r.CircuitState switch
        {
            RouteCircuitState.Open => ("breaker open", "bad"),
            RouteCircuitState.HalfOpen => ("half-open", "warn"),
            _ when r.CooldownUntil is { } until && until > now => ("cooling down", "warn"),
            _ => ("closed", "ok"),
        };
    }

    private static void Card(StringBuilder html, string id, string label, string value) =>
        html.Append("<div class=\"card\" id=\"").Append(id).Append("\"><div class=\"v\">").Append(HtmlEncoder.Default.Encode(value))
            .Append("</div><div class=\"l\">").Append(label).Append("</div></div>");

    private static void Figure(StringBuilder html, string id, string caption, double[] values, double[]? errors, Func<double, string> format, DateTimeOffset[] starts)
    {
        html.Append("<figure><figcaption>").Append(caption).Append("</figcaption>");
        DashboardChart.AppendBars(html, id, caption, values, errors, format, starts, 360, 80);
        html.Append("</figure>");
    }

    private static DateTimeOffset[] Starts(IReadOnlyList<UsageSnapshot> snapshots)
    {
        var starts = new DateTimeOffset[snapshots.Count];
        for (var i = 0; i < snapshots.Count; i++)
        {
            starts[i] = snapshots[i].Since ?? snapshots[i].TakenAt;
        }

        return starts;
    }

    private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) =>
        value == 0m ? "$0" : "$" + value.ToString(value >= 1m ? "N2" : "0.########", CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan? value) =>
        value is { } v ? v.TotalMilliseconds.ToString(v.TotalMilliseconds >= 100 ? "N0" : "0.#", CultureInfo.InvariantCulture) + " ms" : "-";
}
