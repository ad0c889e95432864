using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Stories;

/// <summary>
/// A small hand-labelled feed: three invented stories told in several versions by different outlets (a strike at the
/// port of Gdańsk, a chemical spill into Lake Constance, an airline takeover), four articles on neighbouring topics
/// that are other stories (a rail strike, a bank merger, a forest fire, record port volumes), an exact copy (the same
/// words with other spacing, case and punctuation) and a near copy (a re-edited version).
/// </summary>
internal static class StoryCorpus
{
    /// <summary>Every article with the story it belongs to; copies carry the id of the article they repeat.</summary>
    public static IReadOnlyList<(Article Article, string Story, string? CopyOf)> Items { get; } =
    [
        (Make("port-1", "2026-03-02", "Dockworkers strike at Gdańsk port over pay",
            "GDAŃSK: Dockworkers at the port of Gdańsk walked out on Monday after pay talks with the terminal operator Baltic Gate collapsed, leaving dozens of container ships waiting at anchor. The Solidarność dockers' union said its 1,400 members wanted a 12 percent rise to keep up with prices. Baltic Gate offered 5 percent and called the strike unlawful. Union leader Marek Zielinski told reporters the cranes would stay still until the company returned with a serious offer. The port handles about a quarter of Poland's container trade."),
            "port", null),
        (Make("port-2", "2026-03-02", "Gdańsk port at a standstill as dockers walk out",
            "Cranes at the port of Gdańsk stood idle on Monday as 1,400 dockworkers began an open-ended strike against the terminal operator Baltic Gate. The union wants a 12 percent pay rise; the operator has offered 5 percent. Marek Zielinski, who leads the Solidarność dockers' union, said members were angry that wages had not followed prices for two years. Baltic Gate said the walkout was unlawful and that it would go to court. Ships bound for Gdańsk were told to expect delays of several days."),
            "port", null),
        (Make("port-3", "2026-03-03", "Shipping lines divert cargo from strike-hit Gdańsk",
            "Container lines began diverting ships away from Gdańsk on Tuesday as the dockworkers' strike against Baltic Gate entered its second day. Maersk and MSC said vessels would call at Gdynia and Hamburg instead, adding costs for Polish importers. Freight forwarders warned that shops could run short of some goods within weeks if the strike at the Gdańsk container terminal continues. The dockers' union, led by Marek Zielinski, is demanding a 12 percent rise; Baltic Gate has offered 5 percent."),
            "port", null),
        (Make("port-4", "2026-03-05", "Gdańsk dockers suspend strike as mediator steps in",
            "Dockworkers at Gdańsk suspended their strike on Thursday after the government appointed a mediator to settle the pay dispute with Baltic Gate. Union leader Marek Zielinski said cranes at the container terminal would restart on Friday morning while talks continue. Baltic Gate raised its offer to 8 percent, still short of the 12 percent the dockers want. The four-day walkout left more than forty ships waiting and pushed container lines to divert cargo to Gdynia and Hamburg."),
            "port", null),
        (Make("lake-1", "2026-03-03", "Thousands of dead fish after chemical spill in Lake Constance",
            "BREGENZ: Thousands of dead fish washed up on the Austrian shore of Lake Constance on Tuesday after a chemical spill from the Rhenwald Chemie plant upstream on the Bregenzer Ach river. Firefighters laid booms across the river mouth to hold back a white foam. Local officials said the spill contained a cleaning agent used at the plant and asked people to keep children and dogs away from the water near Bregenz."),
            "lake", null),
        (Make("lake-2", "2026-03-04", "Fishing banned on Lake Constance as Rhenwald admits valve failure",
            "Authorities in Vorarlberg banned fishing near Bregenz on Wednesday while they test the water of Lake Constance after Tuesday's spill, which killed thousands of fish. Rhenwald Chemie admitted that a valve failure at its plant on the Bregenzer Ach had released several tonnes of a cleaning agent into the river. The company apologised and said it would pay for the clean-up. Fishermen on the lake said the dead fish included perch and whitefish, the mainstay of their catch."),
            "lake", null),
        (Make("lake-3", "2026-03-06", "Prosecutors investigate Rhenwald Chemie over Lake Constance fish kill",
            "Prosecutors in Feldkirch opened an investigation on Friday into Rhenwald Chemie over the chemical spill that killed thousands of fish in Lake Constance. Investigators want to know why a valve failure at the plant on the Bregenzer Ach went unnoticed for hours. The state government of Vorarlberg set up a compensation fund for fishermen around Bregenz, who have been banned from fishing on the lake since the spill."),
            "lake", null),
        (Make("air-1", "2026-03-01", "Kestrel Air agrees to buy Nordlys Airways for 1.2 billion euros",
            "Kestrel Air agreed on Sunday to buy the Norwegian carrier Nordlys Airways for 1.2 billion euros, creating the largest airline group in the Nordic countries. Kestrel chief executive Ingrid Solheim said the deal would give the combined group 180 aircraft and routes from Oslo, Stockholm and Copenhagen to 90 cities. Nordlys shareholders will receive 14 euros a share, a premium of 35 percent. The takeover needs approval from competition regulators."),
            "air", null),
        (Make("air-2", "2026-03-02", "Unions fear job losses in Kestrel takeover of Nordlys",
            "Cabin crew and pilot unions at Nordlys Airways said on Monday they feared hundreds of job losses after Kestrel Air agreed to buy the carrier for 1.2 billion euros. Ingrid Solheim, Kestrel's chief executive, promised there would be no forced redundancies for two years. Analysts said the combined airline group would control most flights between Oslo, Stockholm and Copenhagen, which could worry competition regulators."),
            "air", null),
        (Make("air-3", "2026-03-06", "EU opens in-depth probe into Kestrel's Nordlys deal",
            "The European Commission opened an in-depth investigation on Friday into Kestrel Air's 1.2 billion euro takeover of Nordlys Airways, saying the deal could raise fares on Nordic routes. Regulators are concerned that the combined airline would hold most take-off slots at Oslo and Copenhagen. Kestrel chief executive Ingrid Solheim said the company would offer to give up some slots. The Commission has 90 working days to decide."),
            "air", null),
        (Make("rail-1", "2026-03-04", "Train drivers strike in Lyon over rosters",
            "LYON: Regional train drivers around Lyon went on strike on Wednesday over new rosters that their union says lengthen shifts without extra pay. The rail operator cancelled two thirds of local services and advised commuters to work from home. The drivers' union said the strike would last 48 hours unless management withdrew the rosters. Talks are planned for Thursday."),
            "rail", null),
        (Make("bank-1", "2026-03-05", "Hallberg Bank to merge with Sundvik Savings",
            "Hallberg Bank agreed on Thursday to merge with Sundvik Savings in a deal worth 800 million euros, creating Sweden's fifth largest lender. The banks said the merger would close 60 branches over three years, and staff unions asked for talks on jobs. The deal needs the approval of competition regulators and of Sundvik's members."),
            "bank", null),
        (Make("fire-1", "2026-03-02", "Forest fire forces evacuations near Marseille",
            "MARSEILLE: A forest fire driven by strong winds forced the evacuation of about 2,000 people from villages north of Marseille on Monday. Firefighters backed by water-bombing aircraft fought the flames through the night. Officials said the early-season fire had burned 900 hectares of pine forest and that dry weather had left the region at high risk."),
            "fire", null),
        (Make("rotterdam-1", "2026-03-05", "Rotterdam reports record container volumes",
            "The port of Rotterdam handled a record number of containers in February, its operator said on Thursday, as shipping lines added calls in the Netherlands. Container volumes rose 9 percent from a year earlier. The port said new cranes at its Maasvlakte terminals had cut the time ships wait at anchor."),
            "rotterdam", null),
        (Make("port-1-copy", "2026-03-02", "DOCKWORKERS STRIKE AT GDAŃSK PORT OVER PAY",
            "GDAŃSK - Dockworkers at the port of Gdańsk walked out on Monday, after pay talks with the terminal operator Baltic Gate collapsed; leaving dozens of container ships waiting at anchor.\n\nThe Solidarność dockers' union said its 1,400 members wanted a 12 percent rise to keep up with prices. Baltic Gate offered 5 percent and called the strike unlawful. Union leader Marek Zielinski told reporters the cranes would stay still until the company returned with a serious offer. The port handles about a quarter of Poland's container trade."),
            "port", "port-1"),
        (Make("lake-2-edited", "2026-03-05", "Lake Constance fishing ban after valve failure at Rhenwald",
            "Authorities in Vorarlberg banned fishing near Bregenz on Wednesday while they test the water of Lake Constance after Tuesday's spill, which killed thousands of fish. Rhenwald Chemie admitted that a valve failure at its plant on the Bregenzer Ach had released several tonnes of a cleaning agent into the river. The company apologised and said it would pay for the clean-up. Fishermen on the lake said the dead fish included perch and whitefish, the mainstay of their catch. Tests on Thursday found the water near the shore was safe again."),
            "lake", "lake-2"),
    ];

    /// <summary>The articles alone, in order.</summary>
    public static IReadOnlyList<Article> Articles => Items.Select(i => i.Article).ToArray();

    /// <summary>The corpus as JSON Lines (id, title, date, text), as a feed export would give it.</summary>
    public static string ToJsonl() => string.Join('\n', Items.Select(i => System.Text.Json.JsonSerializer.Serialize(new
    {
        id = i.Article.Id,
        title = i.Article.Title,
        date = i.Article.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        text = i.Article.Text,
    }))) + "\n";

    private static Article Make(string id, string date, string title, string body) =>
        new(id, title + "\n\n" + body)
        {
            Title = title,
            BodyStart = title.Length + 2,
            Date = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Language = "en",
        };
}
