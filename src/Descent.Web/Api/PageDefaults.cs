namespace Descent.Web.Api;

/// <summary>
/// The answer of <c>GET /api/defaults</c>: what each tab of the page shows before the user changes anything, read
/// from the Lab's recipes, so the page holds no copy of the lecture's suite.
/// </summary>
/// <param name="Trajectory">The landscape tab: the lecture's five methods (lasagne) on hills and canyon.</param>
/// <param name="Response">The gradient-response tab: Adam at three beta1 on the rectangles signal (lecture).</param>
public sealed record PageDefaults(PageSetup Trajectory, PageSetup Response);
