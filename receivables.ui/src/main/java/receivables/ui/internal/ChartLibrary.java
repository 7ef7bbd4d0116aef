package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves Apache ECharts, which screens draw their charts with, at {@code /receivables/vendor/echarts/}: the files of
 * its webjar that bnd embeds in this bundle ({@code bnd.bnd}: the ES module build under {@code dist/}, its licence and
 * notice), so that nothing is loaded from elsewhere.
 */
@Component(service = ChartLibrary.class)
@HttpWhiteboardResource(pattern = "/receivables/vendor/echarts/*", prefix = "/vendor/echarts")
public class ChartLibrary {
}
