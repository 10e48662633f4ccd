namespace Portal.Core.Supervision;

/// <summary>The lists other departments hand over for comparison (比对数据).</summary>
public enum ReferenceKind
{
    /// <summary>死亡人员: 姓名, 身份证号, 死亡日期.</summary>
    Deceased,

    /// <summary>公职人员及近亲属: the official, and each listed relative as a row of its own.</summary>
    Officials,

    /// <summary>机动车登记: 所有人, 身份证明号码, 车辆类型, 初次登记日期.</summary>
    Vehicles,

    /// <summary>市场主体登记: 姓名, 证件号码, 职务 (法定代表人/股东…).</summary>
    Businesses,
}
