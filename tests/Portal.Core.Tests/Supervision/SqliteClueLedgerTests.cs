using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Supervision;

/// <summary>The ledger's workflow on the embedded defaults: a SQLite file and a blob folder.</summary>
public sealed class SqliteClueLedgerTests : ClueLedgerBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);
}
