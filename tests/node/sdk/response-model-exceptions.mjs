// Response containers the official SDK model declares but the emulator knowingly does not send, each with the reason.
// response-models.test.mjs fails on any other missing container. Keys are walker paths: '<Action>@<Version>' then the
// wire path, with '[]' for "each item of the list". Keep this short: prefer making the server send the container.
//
// A container here must be one Alibaba itself omits in the same situation (documented or observed), or one for a
// feature the emulator does not model at all; never one Terraform's provider or another client type-asserts.
export const MISSING_CONTAINER_EXCEPTIONS = new Map([
  ['DescribeSecurityGroupAttribute@2014-05-26.SnapshotPolicyIds',
    'a disk-snapshot field in the SDK model of a security-group read; the API reference of DescribeSecurityGroupAttribute does not list it and groups have no snapshot policies'],
]);

/** Actions the server serves that response-models.test.mjs has no call recipe for yet, each with the reason. */
export const PENDING_ACTIONS = new Map([
]);
