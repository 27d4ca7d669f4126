using Microsoft.AspNetCore.Mvc;

namespace SecurityGroups.Api.Acs;

/// <summary>Base of the controllers that serve Alibaba Actions: errors are documented in the Alibaba envelope.</summary>
[ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<AcsErrorResponse>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
[Produces("application/json", "text/xml")]
public abstract class AcsController : ControllerBase;
