// Where a process's CPU goes, from a JDK Flight Recorder file: the share of execution samples per owning package (the
// first frame outside java.*, jdk.* and sun.*), and the share of samples whose stack holds a frame matching each regex.
// Single-file Java, JDK only; how to record the file: BENCHMARKS.md, "Where the gateway's CPU goes".
//
//   java benchmarks/JfrHotspots.java gateway.jfr 'java\.util\.Formatter\..*' 'org\.jboss\.logmanager\..*'

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class JfrHotspots {

    public static void main(String[] args) throws Exception {
        List<List<String>> stacks = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    stacks.add(event.getStackTrace().getFrames().stream().map(JfrHotspots::name).toList());
                }
            }
        }
        System.out.println(stacks.size() + " execution samples");
        Map<String, Integer> owners = new HashMap<>();
        for (List<String> stack : stacks) {
            String owner = stack.stream().filter(frame -> !frame.matches("(java|jdk|sun)\\..*")).findFirst()
                    .map(frame -> String.join(".", List.of(frame.split("\\.")).subList(0, Math.min(4, frame.split("\\.").length - 1))))
                    .orElse("(JDK only)");
            owners.merge(owner, 1, Integer::sum);
        }
        System.out.println("\nBy owning package:");
        owners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(entry -> System.out.printf("%5.1f %%  %s%n", 100.0 * entry.getValue() / stacks.size(), entry.getKey()));
        if (args.length > 1) {
            System.out.println("\nSamples with a matching frame on the stack:");
        }
        for (int i = 1; i < args.length; i++) {
            String pattern = args[i];
            long matching = stacks.stream().filter(stack -> stack.stream().anyMatch(frame -> frame.matches(pattern))).count();
            System.out.printf("%5.1f %%  %s%n", 100.0 * matching / stacks.size(), pattern);
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
