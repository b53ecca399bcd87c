package org.supporthub.web.interfaces.websocket.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The decoders, as tables: every frame type of both sockets with all its fields, with fields missing, and
 * with fields of the wrong JSON type (read as missing, so that the handler names the field in its error);
 * text that is no frame; types a socket does not know. Single quotes in the texts stand for double quotes.
 */
class FrameDecoderTest {

    private static final String ID = "c8f2b1a4-2d63-4a47-9d0b-0f3d0a3e6e11";

    static Stream<Arguments> widgetFrames() {
        return Stream.of(
                arguments("{'type':'hello','token':'jwt','lastSeq':17}", new Frame.Hello("jwt", 17)),
                arguments("{'type':'hello','token':'jwt'}", new Frame.Hello("jwt", 0)),
                arguments("{'type':'hello'}", new Frame.Hello(null, 0)),
                arguments("{'type':'hello','token':42,'lastSeq':'17'}", new Frame.Hello(null, 0)),
                arguments("{'type':'hello','token':'jwt','lastSeq':-3}", new Frame.Hello("jwt", 0)),
                arguments("{'type':'message','clientMsgId':'" + ID + "','text':'Hi'}", new WidgetFrame.Message(ID, "Hi")),
                arguments("{'type':'message'}", new WidgetFrame.Message(null, null)),
                arguments("{'type':'message','clientMsgId':[1],'text':{}}", new WidgetFrame.Message(null, null)),
                arguments("{'type':'message','clientMsgId':null,'text':true}", new WidgetFrame.Message(null, null)),
                arguments("{'type':'command','name':'activate'}", new WidgetFrame.Command("activate", null)),
                arguments("{'type':'command','name':'help','clientMsgId':'" + ID + "'}",
                        new WidgetFrame.Command("help", ID)),
                arguments("{'type':'command','name':7}", new WidgetFrame.Command(null, null)),
                arguments("{'type':'typing'}", new WidgetFrame.Typing()),
                arguments("{'type':'typing','sessionId':'s1'}", new WidgetFrame.Typing()),
                arguments("{'type':'vote','sessionId':'s1','value':'like','comment':'Thanks'}",
                        new WidgetFrame.Vote("s1", "like", "Thanks")),
                arguments("{'type':'vote','sessionId':'s1','value':'dislike'}", new WidgetFrame.Vote("s1", "dislike", null)),
                arguments("{'type':'vote','sessionId':1,'value':['like']}", new WidgetFrame.Vote(null, null, null)),
                arguments("{'type':'locale','locale':'pl'}", new WidgetFrame.Locale("pl")),
                arguments("{'type':'locale','locale':'de'}", new WidgetFrame.Locale("de")),
                arguments("{'type':'locale','locale':['pl']}", new WidgetFrame.Locale(null)),
                arguments("{'type':'locale'}", new WidgetFrame.Locale(null)),
                arguments("{'type':'read','seq':12}", new WidgetFrame.Read(12)),
                arguments("{'type':'read','seq':'12'}", new WidgetFrame.Read(0)),
                arguments("{'type':'read','seq':-3}", new WidgetFrame.Read(0)),
                arguments("{'type':'read'}", new WidgetFrame.Read(0)),
                arguments("{'type':'read','seq':1e30}", new WidgetFrame.Read(Long.MAX_VALUE)),
                arguments("{'type':'ping'}", new Frame.Ping()),
                arguments("{'type':'ping','extra':{'nested':[1,2,3]}}", new Frame.Ping()),
                // a field order other than the protocol's examples, and properties it does not define
                arguments("{'text':'Hi','unknown':1,'clientMsgId':'" + ID + "','type':'message'}",
                        new WidgetFrame.Message(ID, "Hi")),
                // the console's frames are unknown to the widget
                arguments("{'type':'accept','sessionId':'s1'}", new Frame.Unknown("accept")),
                arguments("{'type':'status','status':'ONLINE'}", new Frame.Unknown("status")),
                arguments("{'type':'Message'}", new Frame.Unknown("Message")),
                arguments("{'type':''}", new Frame.Unknown("")),
                arguments("{'type':7}", new Frame.Unknown(null)),
                arguments("{'type':null}", new Frame.Unknown(null)),
                arguments("{'token':'jwt'}", new Frame.Unknown(null)),
                arguments("{}", new Frame.Unknown(null)));
    }

    static Stream<Arguments> consoleFrames() {
        return Stream.of(
                arguments("{'type':'hello','token':'staff'}", new Frame.Hello("staff", 0)),
                arguments("{'type':'hello','token':['staff']}", new Frame.Hello(null, 0)),
                arguments("{'type':'status','status':'ONLINE'}", new ConsoleFrame.Status("ONLINE")),
                arguments("{'type':'status','status':['ONLINE']}", new ConsoleFrame.Status(null)),
                arguments("{'type':'status'}", new ConsoleFrame.Status(null)),
                arguments("{'type':'accept','sessionId':'s1'}", new ConsoleFrame.Accept("s1")),
                arguments("{'type':'accept'}", new ConsoleFrame.Accept(null)),
                arguments("{'type':'skip','sessionId':'s1'}", new ConsoleFrame.Skip("s1")),
                arguments("{'type':'skip','sessionId':1}", new ConsoleFrame.Skip(null)),
                arguments("{'type':'open','sessionId':'s1','lastSeq':12}", new ConsoleFrame.Open("s1", 12)),
                arguments("{'type':'open','sessionId':'s1'}", new ConsoleFrame.Open("s1", 0)),
                arguments("{'type':'open','sessionId':'s1','lastSeq':'12'}", new ConsoleFrame.Open("s1", 0)),
                arguments("{'type':'message','sessionId':'s1','clientMsgId':'" + ID + "','text':'Hello'}",
                        new ConsoleFrame.Message("s1", ID, "Hello")),
                arguments("{'type':'message','sessionId':'s1'}", new ConsoleFrame.Message("s1", null, null)),
                arguments("{'type':'message','sessionId':{},'clientMsgId':5,'text':[]}",
                        new ConsoleFrame.Message(null, null, null)),
                arguments("{'type':'typing','sessionId':'s1'}", new ConsoleFrame.Typing("s1")),
                arguments("{'type':'typing'}", new ConsoleFrame.Typing(null)),
                arguments("{'type':'transfer','sessionId':'s1','toOperator':'olga','note':'VIP'}",
                        new ConsoleFrame.Transfer("s1", "olga", null, "VIP")),
                arguments("{'type':'transfer','sessionId':'s1','toChannel':'c2'}",
                        new ConsoleFrame.Transfer("s1", null, "c2", null)),
                arguments("{'type':'transfer','sessionId':'s1','toOperator':1,'toChannel':true,'note':null}",
                        new ConsoleFrame.Transfer("s1", null, null, null)),
                arguments("{'type':'close','sessionId':'s1'}", new ConsoleFrame.Close("s1")),
                arguments("{'type':'close'}", new ConsoleFrame.Close(null)),
                arguments("{'type':'label','sessionId':'s1','area':'BILLING','coverage':'COVERED'}",
                        new ConsoleFrame.Label("s1", "BILLING", "COVERED")),
                arguments("{'type':'label','sessionId':'s1','area':3}", new ConsoleFrame.Label("s1", null, null)),
                arguments("{'type':'sessions'}", new ConsoleFrame.Sessions()),
                arguments("{'type':'read','conversationId':'conv-1','seq':7}", new ConsoleFrame.Read("conv-1", 7)),
                arguments("{'type':'read','conversationId':7,'seq':[7]}", new ConsoleFrame.Read(null, 0)),
                arguments("{'type':'read'}", new ConsoleFrame.Read(null, 0)),
                arguments("{'type':'ping'}", new Frame.Ping()),
                // the widget's frames are unknown to the console
                arguments("{'type':'vote','sessionId':'s1','value':'like'}", new Frame.Unknown("vote")),
                arguments("{'type':'command','name':'help'}", new Frame.Unknown("command")),
                arguments("{'type':'locale','locale':'pl'}", new Frame.Unknown("locale")),
                arguments("{'type':'SESSIONS'}", new Frame.Unknown("SESSIONS")),
                arguments("{'type':false}", new Frame.Unknown(null)),
                arguments("{'sessionId':'s1'}", new Frame.Unknown(null)));
    }

    @ParameterizedTest
    @MethodSource("widgetFrames")
    void theWidgetDecoderReadsEveryFrame(String text, WidgetFrame expected) {
        assertThat(FrameDecoder.widget(json(text))).isEqualTo(expected);
        assertThat(new WidgetFrameDecoder().decode(json(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("consoleFrames")
    void theConsoleDecoderReadsEveryFrame(String text, ConsoleFrame expected) {
        assertThat(FrameDecoder.console(json(text))).isEqualTo(expected);
        assertThat(new ConsoleFrameDecoder().decode(json(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not json", "[1]", "\"hello\"", "42", "null", "{", "{'type':'hello'",
            "{'type':'hello','token':'jwt'", "{'type':'hello','zz':{", "{'type':'hello'} {'type':'ping'}",
            "{'type':'ping',}", "{'type':'ping','lastSeq':1e999999999}", "{'type' 'ping'}", "{type:'ping'}"})
    void textThatIsNoJsonObjectIsMalformedForBothSockets(String text) {
        assertThat(FrameDecoder.widget(json(text))).isEqualTo(new Frame.Malformed());
        assertThat(FrameDecoder.console(json(text))).isEqualTo(new Frame.Malformed());
    }

    @Test
    void nestingDeeperThanTheBoundIsMalformed() {
        String deep = "{'type':'ping','x':" + "[".repeat(40) + "]".repeat(40) + "}";
        String shallow = "{'type':'ping','x':" + "[".repeat(20) + "]".repeat(20) + "}";
        assertThat(FrameDecoder.widget(json(deep))).isEqualTo(new Frame.Malformed());
        assertThat(FrameDecoder.console(json(deep))).isEqualTo(new Frame.Malformed());
        assertThat(FrameDecoder.widget(json(shallow))).isEqualTo(new Frame.Ping());
    }

    @Test
    void theWebSocketDecodersTakeEveryTextSoThatEveryTextIsAnswered() {
        assertThat(new WidgetFrameDecoder().willDecode("{")).isTrue();
        assertThat(new ConsoleFrameDecoder().willDecode("")).isTrue();
    }

    @Test
    void theTablesCoverEveryFrameOfBothFamilies() {
        Set<Class<?>> widget = Stream.of("hello", "message", "command", "typing", "vote", "locale", "read", "leave", "ping")
                .map(t -> FrameDecoder.widget("{\"type\":\"" + t + "\"}").getClass()).collect(Collectors.toSet());
        Set<Class<?>> console = Stream.of("hello", "status", "accept", "skip", "open", "message", "typing",
                        "transfer", "close", "label", "sessions", "read", "ping")
                .map(t -> FrameDecoder.console("{\"type\":\"" + t + "\"}").getClass()).collect(Collectors.toSet());
        assertThat(widget).containsExactlyInAnyOrderElementsOf(decodedFrom(WidgetFrame.class));
        assertThat(console).containsExactlyInAnyOrderElementsOf(decodedFrom(ConsoleFrame.class));
    }

    @Test
    void leaveCarriesTheAddressAsSent() {
        assertThat(FrameDecoder.widget("{\"type\":\"leave\",\"email\":\"ada@portal.test\"}"))
                .isEqualTo(new WidgetFrame.Leave("ada@portal.test"));
        assertThat(FrameDecoder.widget("{\"type\":\"leave\"}")).isEqualTo(new WidgetFrame.Leave(null));
    }

    @Test
    void framesNameTheIdsThatAnswersRepeat() {
        assertThat(new WidgetFrame.Message(ID, "Hi").clientMsgId()).isEqualTo(ID);
        assertThat(new WidgetFrame.Command("help", ID).clientMsgId()).isEqualTo(ID);
        assertThat(new WidgetFrame.Vote("s1", "like", null).clientMsgId()).isNull();
        assertThat(new ConsoleFrame.Message("s1", ID, "Hi").sessionId()).isEqualTo("s1");
        assertThat(new ConsoleFrame.Accept("s1").sessionId()).isEqualTo("s1");
        assertThat(new ConsoleFrame.Accept("s1").clientMsgId()).isNull();
        assertThat(new Frame.Hello("jwt", 3).sessionId()).isNull();
        assertThat(new ConsoleFrame.Sessions().sessionId()).isNull();
    }

    /** Every record of the family but the two that stand for text the table does not read. */
    private static Set<Class<?>> decodedFrom(Class<?> family) {
        return Arrays.stream(family.getPermittedSubclasses())
                .filter(c -> c != Frame.Malformed.class && c != Frame.Unknown.class).collect(Collectors.toSet());
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
