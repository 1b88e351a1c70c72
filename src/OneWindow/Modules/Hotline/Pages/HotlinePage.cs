namespace OneWindow.Modules.Hotline.Pages;

/// <summary>The hotline's pages: forms with refusals shown field by field (<see cref="Platform.Web.FormPage"/>).</summary>
internal abstract class HotlinePage : Platform.Web.FormPage;
