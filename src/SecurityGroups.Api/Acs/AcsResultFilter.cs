using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SecurityGroups.Api.Acs;

/// <summary>Stamps the RequestId on an Action's response and renders it (JSON, or XML under <c>&lt;ActionResponse&gt;</c>).</summary>
internal sealed class AcsResultFilter : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ObjectResult { Value: AcsResponse response })
        {
            var acs = context.HttpContext.Acs();
            response.RequestId = acs.RequestId;
            context.Result = new AcsResult(response, (acs.Action ?? "Action") + "Response");
        }

        return next();
    }

    private sealed class AcsResult(AcsResponse body, string xmlRoot) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            AcsResponseWriter.WriteAsync(context.HttpContext, StatusCodes.Status200OK, body, xmlRoot);
    }
}
