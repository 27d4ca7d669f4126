using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Instances;

/// <summary>
/// What Terraform's alicloud_instance changes in place besides names and networks: the instance type (ModifyInstanceSpec,
/// ModifyPrepayInstanceSpec), the billing method (ModifyInstanceChargeType), the image (ReplaceSystemDisk: a new system
/// disk), the SSH key pair and the RAM role (Attach/DetachKeyPair, Attach/DetachInstanceRamRole). Every change completes
/// at once, in one transaction; no billing happens (orders are IDs only). docs/actions.md, "Instance type, image and billing".
/// </summary>
public sealed class InstanceSpecService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, ComputeCatalog compute,
    InstanceService instances, TagStore tags, TimeProvider clock)
{
    public const string PrePaid = "PrePaid";
    public const string PostPaid = "PostPaid";

    private static readonly int[] MonthPeriods = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];

    /// <summary>ModifyInstanceSpec: a pay-as-you-go instance, stopped, gets a type of the catalogue offered in its zone.</summary>
    public Task ModifySpecAsync(ModifyInstanceSpecCommand command, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var instance = await instances.FindAsync(command.InstanceId, command.RegionId, c).ConfigureAwait(false);
            if (instance.InstanceChargeType != PostPaid)
            {
                throw new AcsException(AcsErrors.ChargeTypeViolation);
            }

            var type = compute.RequireType(instance.ZoneId, command.InstanceType);
            if (instance.Status != InstanceStatus.Stopped)
            {
                throw new AcsException(AcsErrors.IncorrectInstanceStatus);
            }

            RefuseDryRun(command.DryRun);
            instance.InstanceType = type.InstanceTypeId;
        }, ct);

    /// <summary>ModifyPrepayInstanceSpec: a subscription instance gets a type of the catalogue offered in its zone; a downgrade
    /// (fewer vCPUs or less memory) only while stopped, an upgrade also while running. Returns the order's ID.</summary>
    public Task<string> ModifyPrepaySpecAsync(ModifyInstanceSpecCommand command, CancellationToken ct)
    {
        if (command.OperatorType is not (null or "" or "upgrade" or "downgrade"))
        {
            throw new AcsException(AcsErrors.InvalidOperatorTypeValueNotSupported);
        }

        if (command.RegionId is not null)
        {
            regions.Require(command.RegionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var instance = await instances.FindAsync(command.InstanceId, command.RegionId, c).ConfigureAwait(false);
            if (instance.InstanceChargeType != PrePaid)
            {
                throw new AcsException(AcsErrors.ChargeTypeViolation);
            }

            var type = compute.RequireType(instance.ZoneId, command.InstanceType);
            var current = compute.FindType(instance.InstanceType);
            var downgrade = current is not null && (type.CpuCoreCount < current.CpuCoreCount || type.MemorySize < current.MemorySize);
            if (downgrade && instance.Status != InstanceStatus.Stopped)
            {
                throw new AcsException(AcsErrors.IncorrectInstanceStatus);
            }

            instance.InstanceType = type.InstanceTypeId;
            return NewOrderId();
        }, ct);
    }

    /// <summary>ModifyInstanceChargeType: up to 20 instances change billing method together (all or none). To PrePaid the
    /// subscription ends <c>Period</c> <c>PeriodUnit</c>s from now (DescribeInstances <c>ExpiredTime</c>); to PostPaid it has none.</summary>
    public Task<ChargeTypeChange> ModifyChargeTypeAsync(ModifyChargeTypeCommand command, CancellationToken ct)
    {
        if (command.RegionId is not null)
        {
            regions.Require(command.RegionId);
        }

        if (command.ChargeType is not (PrePaid or PostPaid))
        {
            throw new AcsException(AcsErrors.InvalidInstanceChargeTypeValueNotSupported);
        }

        var term = command.ChargeType == PrePaid ? Term(command.Period, command.PeriodUnit) : null;
        return gate.RunAsync(db, async c =>
        {
            var found = await FindAllAsync(command.RegionId, command.InstanceIds, c).ConfigureAwait(false);
            foreach (var instance in found)
            {
                // Alibaba: only a change of method (the other one), and never for a pay-as-you-go instance with a release time.
                if (instance.InstanceChargeType == command.ChargeType || (command.ChargeType == PrePaid && instance.AutoReleaseTime is not null))
                {
                    throw new AcsException(AcsErrors.ChargeTypeViolation);
                }
            }

            RefuseDryRun(command.DryRun);
            var now = AcsTime.Now(clock);
            foreach (var instance in found)
            {
                instance.InstanceChargeType = command.ChargeType;
                instance.ExpiredAt = term?.Invoke(now);
            }

            var fees = command.DetailFee && command.ChargeType == PostPaid ? found.Select(i => i.InstanceId).ToList() : [];
            return new ChargeTypeChange(NewOrderId(), fees);
        }, ct);
    }

    /// <summary>ReplaceSystemDisk: a stopped instance gets a new system disk (a new ID; the old disk and its tags are released)
    /// from a catalogue image, at least as large as the old one and the image. The key pair is the one named, else none.</summary>
    public Task<string> ReplaceSystemDiskAsync(ReplaceSystemDiskCommand command, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var instance = await instances.FindAsync(command.InstanceId, null, c).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(command.DiskId))
            {
                throw new AcsException(AcsErrors.InvalidDiskIdNotFound);
            }

            if (string.IsNullOrEmpty(command.ImageId))
            {
                throw new AcsException(AcsErrors.MissingImageId);
            }

            var image = compute.RequireImage(instance.RegionId, command.ImageId);
            if (instance.Status != InstanceStatus.Stopped)
            {
                throw new AcsException(AcsErrors.IncorrectInstanceStatus);
            }

            var size = command.SystemDiskSize ?? Math.Max(instance.SystemDiskSize, image.Size);
            if (size > compute.MaxSystemDiskSize)
            {
                throw new AcsException(AcsErrors.InvalidSystemDiskSizeValueNotSupported);
            }

            if (size < instance.SystemDiskSize)
            {
                throw new AcsException(AcsErrors.InvalidSystemDiskSizeLessThanOriginal);
            }

            if (size < image.Size)
            {
                throw new AcsException(AcsErrors.InvalidSystemDiskSizeLessThanImageSize);
            }

            if (!string.IsNullOrEmpty(command.KeyPairName) && image.OSType == "windows")
            {
                throw new AcsException(AcsErrors.DependencyViolationWindowsInstance);
            }

            await tags.RemoveAllAsync(instance.SystemDiskId, c).ConfigureAwait(false);
            instance.SystemDiskId = ResourceIds.New("d");
            instance.ImageId = image.ImageId;
            instance.SystemDiskSize = size;
            instance.KeyPairName = command.KeyPairName ?? "";
            return instance.SystemDiskId;
        }, ct);

    /// <summary>AttachKeyPair (<paramref name="attach"/>) / DetachKeyPair. A key pair replaces the one an instance has; a Windows
    /// instance refuses one (<c>DependencyViolation.WindowsInstance</c>, reported for that instance); detaching a key pair the
    /// instance does not hold is reported for that instance (<c>InvalidKeyPairName.NotFound</c>). Key pairs are not modelled:
    /// any name is taken as existing.</summary>
    public Task<IReadOnlyList<InstanceBatchResult>> KeyPairAsync(string regionId, IReadOnlyList<string> instanceIds, string keyPairName, bool attach,
        CancellationToken ct) =>
        BatchAsync(regionId, instanceIds, i => i.KeyPairName, instance =>
        {
            if (compute.Images.FirstOrDefault(image => image.ImageId == instance.ImageId)?.OSType == "windows")
            {
                return AcsErrors.DependencyViolationWindowsInstance;
            }

            if (!attach && instance.KeyPairName != keyPairName)
            {
                return AcsErrors.InvalidKeyPairNameNotFound;
            }

            instance.KeyPairName = attach ? keyPairName : "";
            return null;
        }, ct);

    /// <summary>AttachInstanceRamRole (<paramref name="attach"/>) / DetachInstanceRamRole. An instance has at most one role:
    /// attaching to one that has a role is refused for that instance; detaching (of the named role, or of any when
    /// <paramref name="ramRoleName"/> is empty) from one without it is reported for that instance. RAM is not modelled:
    /// any role name is taken as existing.</summary>
    public Task<IReadOnlyList<InstanceBatchResult>> RamRoleAsync(string regionId, IReadOnlyList<string> instanceIds, string? ramRoleName, bool attach,
        CancellationToken ct) =>
        BatchAsync(regionId, instanceIds, i => i.RamRoleName, instance =>
        {
            if (attach)
            {
                if (instance.RamRoleName.Length > 0)
                {
                    return AcsErrors.InvalidRamRoleAlreadyAttached;
                }

                instance.RamRoleName = ramRoleName!;
                return null;
            }

            if (instance.RamRoleName.Length == 0 || (!string.IsNullOrEmpty(ramRoleName) && instance.RamRoleName != ramRoleName))
            {
                return AcsErrors.InvalidRamRoleNotFound;
            }

            instance.RamRoleName = "";
            return null;
        }, ct);

    /// <summary>A batch of one region: every instance must be the caller's (else <c>InvalidInstanceId.NotFound</c> for the
    /// whole request, so another account's IDs are never echoed); each then succeeds or fails alone.</summary>
    private Task<IReadOnlyList<InstanceBatchResult>> BatchAsync(string regionId, IReadOnlyList<string> instanceIds, Func<Instance, string> previous,
        Func<Instance, AcsErrorCode?> apply, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync<IReadOnlyList<InstanceBatchResult>>(db, async c =>
        {
            var found = await FindAllAsync(regionId, instanceIds, c).ConfigureAwait(false);
            return found.Select(instance =>
            {
                var before = previous(instance);
                return new InstanceBatchResult(instance.InstanceId, apply(instance), before);
            }).ToList();
        }, ct);
    }

    /// <summary>The caller's instances (of the region when given), each once, in the order asked; any unknown one:
    /// <c>InvalidInstanceId.NotFound</c>.</summary>
    private async Task<List<Instance>> FindAllAsync(string? regionId, IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Instances.Where(i => i.AccountId == caller.AccountId && ids.Contains(i.InstanceId)
            && (regionId == null || i.RegionId == regionId)).ToDictionaryAsync(i => i.InstanceId, ct).ConfigureAwait(false);
        return found.Count == ids.Count ? ids.Select(id => found[id]).ToList() : throw new AcsException(AcsErrors.InvalidInstanceIdNotFound);
    }

    /// <summary>The end of a subscription of <paramref name="period"/> <paramref name="unit"/>s (Month: 1-9, 12, 24, 36, 48, 60;
    /// Week: 1-4; Year: 1-5), as a function of its start.</summary>
    private static Func<DateTime, DateTime> Term(int period, string unit) => unit switch
    {
        "Month" => MonthPeriods.Contains(period) ? start => start.AddMonths(period) : throw new AcsException(AcsErrors.InvalidPeriodValueNotSupported),
        "Week" => period is >= 1 and <= 4 ? start => start.AddDays(7 * period) : throw new AcsException(AcsErrors.InvalidPeriodValueNotSupported),
        "Year" => period is >= 1 and <= 5 ? start => start.AddYears(period) : throw new AcsException(AcsErrors.InvalidPeriodValueNotSupported),
        _ => throw new AcsException(AcsErrors.InvalidPeriodUnitValueNotSupported),
    };

    private static void RefuseDryRun(bool dryRun)
    {
        if (dryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }
    }

    /// <summary>An order number as Alibaba shows them (15 digits); nothing is billed.</summary>
    private static string NewOrderId() =>
        RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
}
