namespace OneWindow.Modules.Intake.Domain;

/// <summary>
/// A written notice (文书) of a case, issued at the step that requires it (行政许可法 §32, §38, §40): its text is fixed
/// when it is issued and sealed with the department's e-seal (<see cref="Payload"/>, a <c>DN1:</c> string its QR code
/// carries). The PDF is drawn from these facts whenever it is printed or downloaded.
/// </summary>
internal sealed class CaseNotice
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>acceptance, non-acceptance, supplement, grant, denial, completion (<see cref="NoticeKinds"/>).</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The notice's own number: the case number and the kind's code (and a count for repeated 补正 notices).</summary>
    public string DocumentNumber { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string IssuerDepartment { get; set; } = "";

    public string IssuerName { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>The body, paragraph by paragraph, as issued.</summary>
    public List<string> Paragraphs { get; set; } = [];

    /// <summary>The e-seal over the notice's facts: the string its QR code carries.</summary>
    public string Payload { get; set; } = "";

    /// <summary>The outbox message (the case's step) it was issued for: one notice per step, however often it is delivered.</summary>
    public Guid SourceMessageId { get; set; }
}

/// <summary>The kinds of notice, their titles and number codes.</summary>
internal static class NoticeKinds
{
    public const string Acceptance = "acceptance";
    public const string NonAcceptance = "non-acceptance";
    public const string Supplement = "supplement";
    public const string Grant = "grant";
    public const string Denial = "denial";
    public const string Completion = "completion";

    public static bool IsKind(string kind) => kind is Acceptance or NonAcceptance or Supplement or Grant or Denial or Completion;

    public static string Title(string kind) => kind switch
    {
        Acceptance => "受理通知书",
        NonAcceptance => "不予受理通知书",
        Supplement => "一次性告知书（补正材料通知）",
        Grant => "准予行政许可决定书",
        Denial => "不予行政许可决定书",
        Completion => "办结通知书",
        _ => "通知书",
    };

    public static string Code(string kind) => kind switch
    {
        Acceptance => "SL",
        NonAcceptance => "BSL",
        Supplement => "BZ",
        Grant => "XK",
        Denial => "BXK",
        Completion => "BJ",
        _ => "TZ",
    };
}
