package org.permanence.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.dashboard.engine.OfficeFigures;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** "Tableau de bord": the office at a glance for managers; the page draws what {@code /api/dashboard} answers. */
@Controller
@EngineNode
class DashboardController {

    private final OfficeFigures figures;
    private final PageTexts texts;

    DashboardController(OfficeFigures figures, PageTexts texts) {
        this.figures = figures;
        this.texts = texts;
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    Dashboard figures(SignedInUser user) {
        return figures.now();
    }

    @GetMapping("/manage/dashboard")
    String page(SignedInUser user, Model model, HttpServletRequest request) {
        String language = texts.addTo(model, user, request);
        // the page's script draws the figures and says them in these words
        model.addAttribute("scriptTexts", texts.all(language, "dashboard."));
        return "manage/dashboard";
    }
}
