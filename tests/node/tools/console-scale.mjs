// Scale check of the web console (docs/console.md, "At scale"): seeds 100 groups of 200 rules (a tenth of them
// group references) and 1,000 instances into an EMPTY Relaxed server, then times each console page three times.
//   SG_ENDPOINT=127.0.0.1:5152 node tools/console-scale.mjs        (not a test: it prints timings, it asserts nothing)
const B = `http://${process.env.SG_ENDPOINT ?? '127.0.0.1:8080'}`;
const q = async (action, params, version = '2014-05-26') => {
  const r = await fetch(`${B}/?${new URLSearchParams({ Action: action, Version: version, RegionId: 'cn-hangzhou', ...params })}`);
  const j = await r.json(); if (r.status !== 200) throw new Error(`${action}: ${JSON.stringify(j)}`); return j;
};
const t0 = Date.now();
const { VpcId } = await q('CreateVpc', { CidrBlock: '10.0.0.0/8' }, '2016-04-28');
const vsw = [];
for (let i = 0; i < 5; i++) vsw.push((await q('CreateVSwitch', { VpcId, CidrBlock: `10.${i + 1}.0.0/20`, ZoneId: 'cn-hangzhou-h' }, '2016-04-28')).VSwitchId);
const groups = [];
for (let g = 0; g < 100; g++) {
  const { SecurityGroupId } = await q('CreateSecurityGroup', { VpcId, SecurityGroupName: `g${String(g).padStart(3, '0')}` });
  groups.push(SecurityGroupId);
  for (let half = 0; half < 2; half++) {
    const p = { SecurityGroupId };
    for (let i = 1; i <= 100; i++) {
      const n = half * 100 + i;
      p[`Permissions.${i}.IpProtocol`] = 'TCP'; p[`Permissions.${i}.PortRange`] = `${1000 + n}/${1000 + n}`;
      if (n % 10 === 0 && g > 0) p[`Permissions.${i}.SourceGroupId`] = groups[(g * 7 + n) % g];
      else p[`Permissions.${i}.SourceCidrIp`] = `10.${n % 200}.${g}.0/24`;
    }
    await q('AuthorizeSecurityGroup', p);
  }
}
console.log('groups+rules', Date.now() - t0, 'ms');
for (let b = 0; b < 10; b++) {
  await q('RunInstances', { VSwitchId: vsw[b % 5], InstanceType: 'ecs.g7.large', ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', Amount: '100', 'SecurityGroupIds.1': groups[b * 10], InstanceName: `vm${b}` });
}
console.log('instances', Date.now() - t0, 'ms');
const vm = (await q('DescribeInstances', { VpcId, PageSize: '1' })).Instances.Instance[0].InstanceId;
const g50 = groups[50];
const g10 = groups[10];
const pages = [
  '/console/cn-hangzhou/security-groups', `/console/cn-hangzhou/security-groups?vpc=${VpcId}&size=50`,
  `/console/cn-hangzhou/security-groups/${g50}`, `/console/cn-hangzhou/security-groups/${g50}?direction=ingress&q=1050`,
  `/console/cn-hangzhou/security-groups/${g10}?direction=members`,
  `/console/cn-hangzhou/why?src=10.1.0.5&dst=${g10}&proto=TCP&port=1100&dstip=10.1.0.9`,
  `/console/cn-hangzhou/matrix?vpc=${VpcId}&proto=TCP&port=1010`,
  `/console/cn-hangzhou/matrix?by=ports&vpc=${VpcId}&src=${vm}`, `/console/cn-hangzhou/matrix?by=ports&vpc=${VpcId}&src=0.0.0.0/0`,
  `/console/cn-hangzhou/exposure?instance=${vm}&proto=TCP&port=1010&family=IPv6`, `/console/cn-hangzhou/exposure?instance=${vm}&dir=egress&proto=TCP&port=443`,
  `/console/cn-hangzhou/graph?vpc=${VpcId}`, `/console/cn-hangzhou/graph?vpc=${VpcId}&dir=both`, '/console/cn-hangzhou/findings', '/console/cn-hangzhou/snapshots',
];
for (const p of pages) {
  const times = []; let size = 0;
  for (let i = 0; i < 3; i++) { const s = Date.now(); const r = await fetch(B + p); size = (await r.text()).length; if (r.status !== 200) throw new Error(p + ' ' + r.status); times.push(Date.now() - s); }
  console.log(`${p.replace(/sg-[a-z0-9]+|vpc-[a-z0-9]+|i-[a-z0-9]+/g, '<id>')}\t${times.join(', ')} ms\t${Math.round(size / 1024)} KiB`);
}
