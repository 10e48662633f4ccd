using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Portal.Core.Ingest;
using Portal.Core.Regions;

namespace Portal.Core.Payments.Lucene;

/// <summary>
/// The index document of one payment. Its fields are made once and refilled for every payment: a new
/// Field per document builds a new token stream by reflection, which costs more than indexing it.
/// Not thread-safe; one per writer.
/// </summary>
internal sealed class PaymentDocument
{
    private readonly StringField _type = new(IndexFields.Type, IndexFields.PaymentType, Field.Store.NO);
    private readonly StringField _id = new(IndexFields.Id, "", Field.Store.YES);
    private readonly StringField _partition = new(IndexFields.Partition, "", Field.Store.NO);
    private readonly StringField _owner = new(IndexFields.Owner, "", Field.Store.NO);
    private readonly SortedDocValuesField _ownerValue = new(IndexFields.Owner, new BytesRef());
    private readonly StringField _fund = new(IndexFields.Fund, "", Field.Store.YES);
    private readonly SortedDocValuesField _fundValue = new(IndexFields.Fund, new BytesRef());
    private readonly Int32Field _period = new(IndexFields.Period, 0, IndexFields.StoredPeriodType);
    private readonly NumericDocValuesField _periodValue = new(IndexFields.Period, 0);
    private readonly StoredField _amount = new(IndexFields.Amount, 0L);
    private readonly NumericDocValuesField _amountValue = new(IndexFields.Amount, 0);
    private readonly StringField _name = new(IndexFields.Name, "", Field.Store.YES);
    private readonly SortedDocValuesField _nameValue = new(IndexFields.Name, new BytesRef());
    private readonly StoredField _department = new(IndexFields.Department, "");
    private readonly SortedDocValuesField _villageValue = new(IndexFields.Region(5), new BytesRef());
    // Only the village code: it is a prefix-nested code, so province to township filters are prefix queries on it.
    private readonly StringField _village = new(IndexFields.Region(5), "", Field.Store.YES);
    private readonly StoredField _household = new(IndexFields.Household, 0);
    private readonly StoredField _paidOn = new(IndexFields.PaidOn, "");
    private readonly List<IIndexableField> _fields = new(24);

    public IEnumerable<IIndexableField> Fill(string partition, ValidPayment p)
    {
        var fen = Money.ToFen(p.Amount);
        _id.SetStringValue(PaymentIndexRules.PublicId(p));
        _partition.SetStringValue(partition);
        _owner.SetStringValue(p.OwnerKey);
        _ownerValue.SetBytesValue(new BytesRef(p.OwnerKey));
        _fund.SetStringValue(p.Fund.Code);
        _fundValue.SetBytesValue(new BytesRef(p.Fund.Code));
        _period.SetInt32Value(p.Period.Value);
        _periodValue.SetInt64Value(p.Period.Value);
        _amount.SetInt64Value(fen);
        _amountValue.SetInt64Value(fen);
        _name.SetStringValue(p.MaskedName);
        _nameValue.SetBytesValue(new BytesRef(p.MaskedName));
        _department.SetStringValue(p.Department);
        _villageValue.SetBytesValue(new BytesRef(p.Village.Code));
        _village.SetStringValue(p.Village.Code);

        _fields.Clear();
        _fields.AddRange([_type, _id, _partition, _owner, _ownerValue, _fund, _fundValue, _period, _periodValue, _amount, _amountValue, _name, _nameValue, _department, _village, _villageValue]);
        if (p.HouseholdSize is { } size)
        {
            _household.SetInt32Value(size);
            _fields.Add(_household);
        }
        if (p.PaidOn is { } paid)
        {
            _paidOn.SetStringValue(paid.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            _fields.Add(_paidOn);
        }
        return _fields;
    }

}
