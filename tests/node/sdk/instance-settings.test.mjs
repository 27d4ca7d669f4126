// ECS 2014-05-26 instance settings through the official SDKs: RunInstances with metadata options, auto-release time,
// deployment set, private pool and credit mode; ModifyInstanceMetadataOptions, ModifyInstanceAutoReleaseTime,
// ModifyInstanceMaintenanceAttributes, ModifyInstanceDeployment, ModifyInstanceAttachmentAttributes and ModifyInstanceAttribute
// CreditSpecification, each sent with the v7 SDK's own request model (ACS3) and with pop-core (HMAC-SHA1 form POST), and read
// back through DescribeInstances, DescribeInstanceAttribute, DescribeInstanceMaintenanceAttributes and
// DescribeInstanceAttachmentAttributes (the v7 response models, so a field they do not map is missing here).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, ECS_VERSION, Ecs, REGION, UUID, assertAcsError, cleanup, drivers, ecsClient, popClient, rawFetch, resetEmulator, sdk, strictEndpoint,
  uniqueName,
} from './clients.mjs';

before(resetEmulator);

const ecs = ecsClient();
const other = ecsClient({ account: ACCOUNTS.test2 });
const pop = popClient({ apiVersion: ECS_VERSION });
const plain = (value) => JSON.parse(JSON.stringify(value));

/** A v7 call with the SDK's request model; returns the body as PascalCase JSON. */
async function v7(method, Model, map, client = ecs) {
  const response = await client[method](new Model(map));
  assert.equal(response.statusCode, 200);
  const body = plain(response.body.toMap());
  assert.match(body.RequestId, UUID);
  return body;
}

/** pop-core, HMAC-SHA1, parameters in a form body. */
const popPost = (action, params) => pop.request(action, params, { method: 'POST' });

const minutes = (date) => date.toISOString().slice(0, 16) + 'Z';
const seconds = (date) => date.toISOString().slice(0, 19) + 'Z';

async function launch(t, extra = {}, client = ecs, driver = sdk) {
  const clean = cleanup(t, driver);
  const vpc = await driver.createVpc({ RegionId: REGION, CidrBlock: '10.77.0.0/16', VpcName: uniqueName('settings') });
  clean.vpc(vpc.VpcId);
  const vsw = await driver.createVSwitch({ RegionId: REGION, VpcId: vpc.VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.77.1.0/24' });
  clean.vSwitch(vsw.VSwitchId);
  const sg = await driver.createSecurityGroup({ RegionId: REGION, VpcId: vpc.VpcId, SecurityGroupName: uniqueName('settings') });
  clean.securityGroup(sg.SecurityGroupId);
  const run = await v7('runInstances', Ecs.RunInstancesRequest, {
    regionId: REGION, vSwitchId: vsw.VSwitchId, securityGroupId: sg.SecurityGroupId, ...extra,
  }, client);
  const id = run.InstanceIdSets.InstanceIdSet[0];
  clean.instance(id);
  return id;
}

const describe = async (id) => (await v7('describeInstances', Ecs.DescribeInstancesRequest, { regionId: REGION, instanceIds: JSON.stringify([id]) }))
  .Instances.Instance[0];
const maintenance = async (id) => (await v7('describeInstanceMaintenanceAttributes', Ecs.DescribeInstanceMaintenanceAttributesRequest,
  { regionId: REGION, instanceId: [id] })).MaintenanceAttributes.MaintenanceAttribute[0];
const attachment = async (id) => (await v7('describeInstanceAttachmentAttributes', Ecs.DescribeInstanceAttachmentAttributesRequest,
  { regionId: REGION, instanceIds: JSON.stringify([id]) })).Instances.Instance[0];

test('RunInstances stores the settings its SDK model sends; the v7 response models read them back', async (t) => {
  const release = new Date(Date.now() + 6 * 3600_000);
  const id = await launch(t, {
    httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2, autoReleaseTime: seconds(release), deploymentSetId: 'ds-sdk1',
    creditSpecification: 'Unlimited',
    privatePoolOptions: new Ecs.RunInstancesRequestPrivatePoolOptions({ matchCriteria: 'Target', id: 'eap-sdk1' }),
  });
  const instance = await describe(id);
  assert.deepEqual([instance.MetadataOptions.HttpEndpoint, instance.MetadataOptions.HttpTokens, instance.MetadataOptions.HttpPutResponseHopLimit],
    ['enabled', 'required', 2]);
  assert.equal(instance.AutoReleaseTime, minutes(release));
  assert.equal(instance.DeploymentSetId, 'ds-sdk1');
  assert.equal(instance.CreditSpecification, 'Unlimited');
  const attribute = await v7('describeInstanceAttribute', Ecs.DescribeInstanceAttributeRequest, { instanceId: id });
  assert.equal(attribute.CreditSpecification, 'Unlimited');
  assert.deepEqual([(await attachment(id)).PrivatePoolOptionsMatchCriteria, (await attachment(id)).PrivatePoolOptionsId], ['Target', 'eap-sdk1']);
  const hardened = await v7('describeInstances', Ecs.DescribeInstancesRequest, { regionId: REGION, httpTokens: 'required' });
  assert.deepEqual(hardened.Instances.Instance.map((i) => i.InstanceId), [id]);
  await assertAcsError(v7('runInstances', Ecs.RunInstancesRequest, { regionId: REGION, vSwitchId: instance.VpcAttributes.VSwitchId,
    securityGroupId: instance.SecurityGroupIds.SecurityGroupId[0], httpTokens: 'always' }), 'InvalidHttpTokens.NotSupported', 400);
});

test('ModifyInstanceMetadataOptions through the v7 model and pop-core', async (t) => {
  const id = await launch(t);
  await v7('modifyInstanceMetadataOptions', Ecs.ModifyInstanceMetadataOptionsRequest,
    { regionId: REGION, instanceId: id, httpEndpoint: 'enabled', httpTokens: 'required', instanceMetadataTags: 'enabled' });
  let options = (await describe(id)).MetadataOptions;
  assert.deepEqual([options.HttpEndpoint, options.HttpTokens, options.HttpPutResponseHopLimit], ['enabled', 'required', 1]);
  const body = await popPost('ModifyInstanceMetadataOptions', { RegionId: REGION, InstanceId: id, HttpEndpoint: 'disabled', HttpPutResponseHopLimit: 5 });
  assert.match(body.RequestId, UUID);
  options = (await describe(id)).MetadataOptions;
  assert.deepEqual([options.HttpEndpoint, options.HttpTokens, options.HttpPutResponseHopLimit], ['disabled', 'required', 5]);
  await assertAcsError(v7('modifyInstanceMetadataOptions', Ecs.ModifyInstanceMetadataOptionsRequest,
    { regionId: REGION, instanceId: id, httpEndpoint: 'on' }), 'InvalidHttpEndpoint.NotSupported', 400);
  await assertAcsError(v7('modifyInstanceMetadataOptions', Ecs.ModifyInstanceMetadataOptionsRequest,
    { regionId: REGION, instanceId: id, httpEndpoint: 'enabled' }, other), 'InvalidInstanceId.NotFound', 404);
  await assertAcsError(popPost('ModifyInstanceMetadataOptions', { RegionId: REGION, InstanceId: 'i-nosuch', HttpEndpoint: 'enabled' }),
    'InvalidInstanceId.NotFound', 404);
});

test('ModifyInstanceAutoReleaseTime sets and cancels', async (t) => {
  const id = await launch(t);
  const release = new Date(Date.now() + 48 * 3600_000);
  await v7('modifyInstanceAutoReleaseTime', Ecs.ModifyInstanceAutoReleaseTimeRequest, { regionId: REGION, instanceId: id, autoReleaseTime: seconds(release) });
  assert.equal((await describe(id)).AutoReleaseTime, minutes(release));
  await popPost('ModifyInstanceAutoReleaseTime', { RegionId: REGION, InstanceId: id });
  assert.equal((await describe(id)).AutoReleaseTime, '');
  await assertAcsError(v7('modifyInstanceAutoReleaseTime', Ecs.ModifyInstanceAutoReleaseTimeRequest,
    { instanceId: id, autoReleaseTime: '2020-01-01T00:00:00Z' }), 'InvalidAutoReleaseTime.Malformed', 400);
  await assertAcsError(v7('modifyInstanceAutoReleaseTime', Ecs.ModifyInstanceAutoReleaseTimeRequest,
    { instanceId: id, autoReleaseTime: seconds(release) }, other), 'InvalidInstanceId.NotFound', 404);
});

test('ModifyInstanceMaintenanceAttributes with the SDK\'s MaintenanceWindow model', async (t) => {
  const id = await launch(t);
  await v7('modifyInstanceMaintenanceAttributes', Ecs.ModifyInstanceMaintenanceAttributesRequest, {
    regionId: REGION, instanceId: [id], actionOnMaintenance: 'Stop', notifyOnMaintenance: true,
    maintenanceWindow: [new Ecs.ModifyInstanceMaintenanceAttributesRequestMaintenanceWindow({ startTime: '02:00:00', endTime: '18:00:00' })],
  });
  let m = await maintenance(id);
  assert.equal(m.ActionOnMaintenance.Value, 'Stop');
  assert.deepEqual(m.ActionOnMaintenance.SupportedValues.SupportedValue, ['Stop', 'AutoRecover', 'AutoRedeploy']);
  assert.deepEqual(m.MaintenanceWindows.MaintenanceWindow, [{ StartTime: '02:00:00', EndTime: '18:00:00' }]);
  assert.equal(m.NotifyOnMaintenance, true);
  await popPost('ModifyInstanceMaintenanceAttributes', { RegionId: REGION, 'InstanceId.1': id, ActionOnMaintenance: 'AutoRedeploy', NotifyOnMaintenance: false });
  m = await maintenance(id);
  assert.deepEqual([m.ActionOnMaintenance.Value, m.NotifyOnMaintenance, m.MaintenanceWindows.MaintenanceWindow.length], ['AutoRedeploy', false, 1]);
  await assertAcsError(v7('modifyInstanceMaintenanceAttributes', Ecs.ModifyInstanceMaintenanceAttributesRequest,
    { regionId: REGION, instanceId: [id], actionOnMaintenance: 'Reboot' }), 'InvalidParameter', 400);
  await assertAcsError(v7('modifyInstanceMaintenanceAttributes', Ecs.ModifyInstanceMaintenanceAttributesRequest,
    { regionId: REGION, instanceId: [id], actionOnMaintenance: 'Stop' }, other), 'InvalidInstanceId.NotFound', 404);
});

test('ModifyInstanceDeployment adds, moves and removes', async (t) => {
  const id = await launch(t, { deploymentSetId: 'ds-first' });
  await v7('modifyInstanceDeployment', Ecs.ModifyInstanceDeploymentRequest, { regionId: REGION, instanceId: id, deploymentSetId: 'ds-second', force: true });
  assert.equal((await describe(id)).DeploymentSetId, 'ds-second');
  await popPost('ModifyInstanceDeployment', { RegionId: REGION, InstanceId: id, DeploymentSetId: 'ds-second', RemoveFromDeploymentSet: true });
  assert.equal((await describe(id)).DeploymentSetId, '');
  await assertAcsError(v7('modifyInstanceDeployment', Ecs.ModifyInstanceDeploymentRequest,
    { regionId: REGION, instanceId: id, deploymentSetId: 'ds-x', deploymentSetGroupNo: 9 }), 'InvalidParameter', 400);
  await assertAcsError(v7('modifyInstanceDeployment', Ecs.ModifyInstanceDeploymentRequest,
    { regionId: REGION, instanceId: id, deploymentSetId: 'ds-x' }, other), 'InvalidInstanceId.NotFound', 404);
});

test('ModifyInstanceAttachmentAttributes with the SDK\'s PrivatePoolOptions model', async (t) => {
  const id = await launch(t);
  await v7('modifyInstanceAttachmentAttributes', Ecs.ModifyInstanceAttachmentAttributesRequest, {
    regionId: REGION, instanceId: id,
    privatePoolOptions: new Ecs.ModifyInstanceAttachmentAttributesRequestPrivatePoolOptions({ matchCriteria: 'Target', id: 'crp-sdk' }),
  });
  let a = await attachment(id);
  assert.deepEqual([a.PrivatePoolOptionsMatchCriteria, a.PrivatePoolOptionsId], ['Target', 'crp-sdk']);
  await popPost('ModifyInstanceAttachmentAttributes', { RegionId: REGION, InstanceId: id, 'PrivatePoolOptions.MatchCriteria': 'Open' });
  a = await attachment(id);
  assert.deepEqual([a.PrivatePoolOptionsMatchCriteria, a.PrivatePoolOptionsId], ['Open', '']);
  await assertAcsError(v7('modifyInstanceAttachmentAttributes', Ecs.ModifyInstanceAttachmentAttributesRequest, {
    regionId: REGION, instanceId: id, privatePoolOptions: new Ecs.ModifyInstanceAttachmentAttributesRequestPrivatePoolOptions({ matchCriteria: 'Target' }),
  }), 'MissingParameter', 400);
  await assertAcsError(v7('modifyInstanceAttachmentAttributes', Ecs.ModifyInstanceAttachmentAttributesRequest, {
    regionId: REGION, instanceId: id, privatePoolOptions: new Ecs.ModifyInstanceAttachmentAttributesRequestPrivatePoolOptions({ matchCriteria: 'Open' }),
  }, other), 'InvalidInstanceId.NotFound', 404);
});

test('ModifyInstanceAttribute CreditSpecification is stored', async (t) => {
  const id = await launch(t);
  await v7('modifyInstanceAttribute', Ecs.ModifyInstanceAttributeRequest, { instanceId: id, creditSpecification: 'Standard' });
  assert.equal((await describe(id)).CreditSpecification, 'Standard');
  await popPost('ModifyInstanceAttribute', { InstanceId: id, CreditSpecification: 'Unlimited' });
  assert.equal((await v7('describeInstanceAttribute', Ecs.DescribeInstanceAttributeRequest, { instanceId: id })).CreditSpecification, 'Unlimited');
  await assertAcsError(v7('modifyInstanceAttribute', Ecs.ModifyInstanceAttributeRequest, { instanceId: id, creditSpecification: 'Boost' }), 'InvalidParameter', 400);
});

test('Strict mode: the owner changes its instance\'s settings; the other account gets InvalidInstanceId.NotFound; unsigned is refused', async (t) => {
  const endpoint = strictEndpoint();
  const mine = ecsClient({ endpoint });
  const theirs = ecsClient({ endpoint, account: ACCOUNTS.test2 });
  const id = await launch(t, { httpTokens: 'required' }, mine, drivers(ACCOUNTS.test, endpoint)[0]);
  const metadata = { regionId: REGION, instanceId: id, httpEndpoint: 'enabled', httpTokens: 'optional' };
  await assertAcsError(v7('modifyInstanceMetadataOptions', Ecs.ModifyInstanceMetadataOptionsRequest, metadata, theirs), 'InvalidInstanceId.NotFound', 404);
  await assertAcsError(v7('modifyInstanceAutoReleaseTime', Ecs.ModifyInstanceAutoReleaseTimeRequest, { instanceId: id }, theirs), 'InvalidInstanceId.NotFound', 404);
  await assertAcsError(v7('modifyInstanceMaintenanceAttributes', Ecs.ModifyInstanceMaintenanceAttributesRequest,
    { regionId: REGION, instanceId: [id], actionOnMaintenance: 'Stop' }, theirs), 'InvalidInstanceId.NotFound', 404);
  await assertAcsError(v7('modifyInstanceDeployment', Ecs.ModifyInstanceDeploymentRequest, { regionId: REGION, instanceId: id, deploymentSetId: 'ds-x' }, theirs),
    'InvalidInstanceId.NotFound', 404);
  await assertAcsError(v7('modifyInstanceAttachmentAttributes', Ecs.ModifyInstanceAttachmentAttributesRequest, { regionId: REGION, instanceId: id,
    privatePoolOptions: new Ecs.ModifyInstanceAttachmentAttributesRequestPrivatePoolOptions({ matchCriteria: 'None' }) }, theirs), 'InvalidInstanceId.NotFound', 404);
  const unsigned = await rawFetch(`/?Action=ModifyInstanceMetadataOptions&Version=${ECS_VERSION}&RegionId=${REGION}&InstanceId=${id}&HttpEndpoint=disabled`,
    { endpoint });
  assert.ok(unsigned.status >= 400, `an unsigned call must be refused, got ${unsigned.status}`);
  const read = async () => (await v7('describeInstances', Ecs.DescribeInstancesRequest, { regionId: REGION, instanceIds: JSON.stringify([id]) }, mine))
    .Instances.Instance[0].MetadataOptions;
  assert.deepEqual([(await read()).HttpEndpoint, (await read()).HttpTokens], ['enabled', 'required'], 'untouched by the other account and the unsigned call');
  await v7('modifyInstanceMetadataOptions', Ecs.ModifyInstanceMetadataOptionsRequest, metadata, mine);
  assert.equal((await read()).HttpTokens, 'optional');
});
