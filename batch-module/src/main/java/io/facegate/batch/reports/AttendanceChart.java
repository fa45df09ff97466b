package io.facegate.batch.reports;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's chart, drawn by XChart off screen (no display needed): people present per day, one
 * line per department (the largest ones; the rest summed as "Other"), with the report's own font so
 * that every department name prints.
 */
final class AttendanceChart {

    /** Departments drawn on their own; more would be unreadable. */
    static final int MAX_LINES = 6;
    static final String OTHER = "Other";
    /** Longest range drawn day by day. */
    static final int MAX_DAYS_DRAWN = 400;

    private AttendanceChart() {
    }

    static BufferedImage render(ReportJob job, int width, int height) throws IOException {
        Font font = font();
        XYChart chart = new XYChartBuilder().width(width).height(height).title("People present per day")
                .xAxisTitle("Day (" + job.zone().getId() + ")").yAxisTitle("People present").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartTitleFont(font.deriveFont(Font.BOLD, 16f));
        styler.setLegendFont(font.deriveFont(12f));
        styler.setAxisTitleFont(font.deriveFont(12f));
        styler.setAxisTickLabelsFont(font.deriveFont(11f));
        styler.setDatePattern("MM-dd");
        styler.setDecimalPattern("#,##0");
        List<LocalDate> axis = axis(job);
        List<Date> days = axis.stream().map(day -> Date.from(day.atStartOfDay(job.zone()).toInstant())).toList();
        if (days.isEmpty()) {
            // No attendance in the range: one flat line over it, so that the chart still shows the range.
            days = List.of(Date.from(job.from().atStartOfDay(job.zone()).toInstant()), Date.from(job.to().atStartOfDay(job.zone()).toInstant()));
            chart.addSeries("No attendance", days, List.of(0, 0)).setMarker(SeriesMarkers.NONE);
        } else {
            for (Map.Entry<String, List<Number>> line : lines(job, axis).entrySet()) {
                chart.addSeries(line.getKey(), days, line.getValue()).setMarker(SeriesMarkers.NONE);
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The chart's days: every day from the first of the range to the last with attendance (a day
     * nobody came is a 0, not a gap the line jumps), or for ranges over {@value #MAX_DAYS_DRAWN} days
     * only the days with attendance.
     */
    static List<LocalDate> axis(ReportJob job) {
        List<LocalDate> listed = job.summary().daily().stream().map(ReportJob.Day::date).toList();
        if (listed.isEmpty() || ChronoUnit.DAYS.between(job.from(), job.to()) >= MAX_DAYS_DRAWN) {
            return listed;
        }
        return job.from().datesUntil(listed.get(listed.size() - 1).plusDays(1)).toList();
    }

    /** One series per large department, by headcount, the rest summed; a value for every day of the axis. */
    static Map<String, List<Number>> lines(ReportJob job, List<LocalDate> axis) {
        List<String> largest = job.summary().departments().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, ReportJob.Department> e) -> e.getValue().totalEmployees()).reversed())
                .limit(MAX_LINES).map(Map.Entry::getKey).toList();
        Map<LocalDate, Map<String, Long>> present = new HashMap<>();
        job.summary().daily().forEach(day -> present.put(day.date(), day.present()));
        Map<String, List<Number>> lines = new LinkedHashMap<>();
        largest.forEach(d -> lines.put(d, new ArrayList<>()));
        boolean others = job.summary().departments().size() > largest.size();
        if (others) {
            lines.put(OTHER, new ArrayList<>());
        }
        for (LocalDate day : axis) {
            Map<String, Long> counts = present.getOrDefault(day, Map.of());
            long other = 0;
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                if (!largest.contains(count.getKey())) {
                    other += count.getValue();
                }
            }
            for (String department : largest) {
                lines.get(department).add(counts.getOrDefault(department, 0L));
            }
            if (others) {
                lines.get(OTHER).add(other);
            }
        }
        return lines;
    }

    static Font font() throws IOException {
        try (InputStream in = AttendanceChart.class.getResourceAsStream(PdfLayout.REGULAR_FONT)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IOException("the report font does not load", e);
        }
    }
}
